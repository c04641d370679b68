package com.hipoc.bench.chaos;

import com.hipoc.bench.Check;
import com.hipoc.events.AccountHash;
import com.hipoc.local.Warmup;
import com.hipoc.local.readmodels.ReadModelStores;
import com.hipoc.local.readmodels.Verification;
import redis.clients.jedis.Jedis;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stack after a fault, once every command has its answer and the read models have caught
 * up, against what the client was told: {@code verify}'s reconciliation, each answer against
 * the {@code transactions} table and the ledger (the stack's own warm-up aside), and each
 * account's money against the answers.
 */
final class ChaosChecks {
    /** The sinks flush at checkpoints; after a restored job they may trail for a while. */
    private static final Duration DRAIN = Duration.ofMinutes(2);
    private static final int SHOWN = 5;

    private final ReadModelStores stores;
    private final PrintStream out;

    ChaosChecks(ReadModelStores stores, PrintStream out) {
        this.stores = stores;
        this.out = out;
    }

    List<Check> run(ClientBook book) throws SQLException, InterruptedException {
        Map<String, String> answers = book.answers();
        List<Check> checks = new ArrayList<>();
        checks.add(everyCommandAnswered(book, answers));
        checks.add(new Check(Verification.run(stores, DRAIN, out).ok(), "verify: contiguous ledger = its newest row (the account) = Redis; totals"));
        try (Connection c = stores.mysql().connect(); Jedis redis = stores.redis().connect()) {
            // A txId's answer is its row of the highest rank: read last, it is the one kept.
            checks.add(answersMatchTransactions(answers, byKey(c, "SELECT tx_id, status FROM transactions ORDER BY status_rank",
                    rs -> rs.getString(2))));
            checks.add(answersMatchLedger(answers, byKey(c, "SELECT tx_id, COUNT(*) FROM ledger_entries"
                    + " WHERE tx_id NOT LIKE '" + Warmup.NAME_PREFIX + "%' GROUP BY tx_id", rs -> rs.getInt(2))));
            checks.add(balancesMatchAnswers(book.expectedMoney(), byKey(c, "SELECT account_id, balance_after, held_after FROM ledger_entries l"
                    + " WHERE seq = (SELECT MAX(seq) FROM ledger_entries n WHERE n.account_id = l.account_id)",
                    rs -> new ClientBook.Money(rs.getLong(2), rs.getLong(3))), redis));
        }
        return checks;
    }

    private static Check everyCommandAnswered(ClientBook book, Map<String, String> answers) {
        long unanswered = book.sentCount() - answers.size();
        List<String> failed = answers.entrySet().stream()
                .filter(e -> !RetryingSender.DEFINITE.contains(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return new Check(unanswered == 0 && failed.isEmpty(), "every request got a definite answer: " + answers.size() + " of "
                + book.sentCount() + ", " + failed.size() + " conflicts or unexpected answers" + first(failed));
    }

    private static Check answersMatchTransactions(Map<String, String> answers, Map<String, String> statuses) {
        List<String> wrong = new ArrayList<>();
        answers.forEach((txId, status) -> {
            if (RetryingSender.DEFINITE.contains(status) && !Objects.equals(statuses.get(txId), status)) {
                wrong.add(txId + " answered " + status + ", transactions says " + statuses.get(txId));
            }
        });
        return new Check(wrong.isEmpty(), "each answer = its transactions row: " + wrong.size() + " differ" + first(wrong));
    }

    /** Applied commands have their entries, rejected ones none; none has more than it should (applied twice). */
    private static Check answersMatchLedger(Map<String, String> answers, Map<String, Integer> entries) {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        answers.forEach((txId, status) -> {
            int expected = ClientBook.ledgerEntries(status);
            int found = entries.getOrDefault(txId, 0);
            if (found < expected) {
                lost.add(txId + " " + status + " has " + found + " of " + expected + " entries");
            } else if (found > expected) {
                doubled.add(txId + " " + status + " has " + found + " entries, expected " + expected);
            }
        });
        Set<String> unknown = new HashSet<>(entries.keySet());
        unknown.removeAll(answers.keySet());
        return new Check(lost.isEmpty() && doubled.isEmpty() && unknown.isEmpty(), "ledger entries per answer: "
                + lost.size() + " lost" + first(lost) + ", " + doubled.size() + " applied twice" + first(doubled) + ", "
                + unknown.size() + " txIds the client never saw answered" + first(List.copyOf(unknown)));
    }

    private static Check balancesMatchAnswers(Map<String, ClientBook.Money> expected, Map<String, ClientBook.Money> mysql,
                                              Jedis redis) {
        Set<String> accounts = new HashSet<>(expected.keySet());
        accounts.addAll(mysql.keySet());
        List<String> wrong = new ArrayList<>();
        ClientBook.Money none = new ClientBook.Money(0, 0);
        for (String account : accounts) {
            ClientBook.Money want = expected.getOrDefault(account, none);
            ClientBook.Money inMysql = mysql.getOrDefault(account, none);
            ClientBook.Money inRedis = redisMoney(redis.hgetAll(AccountHash.key(account)));
            if (!want.equals(inMysql) || !want.equals(inRedis)) {
                wrong.add(account + " answers say " + want + ", MySQL " + inMysql + ", Redis " + inRedis);
            }
        }
        return new Check(wrong.isEmpty(), "balance and held of " + accounts.size() + " accounts = what the answers add up to: "
                + wrong.size() + " differ" + first(wrong));
    }

    private static ClientBook.Money redisMoney(Map<String, String> hash) {
        return new ClientBook.Money(Long.parseLong(hash.getOrDefault(AccountHash.BALANCE, "0")),
                Long.parseLong(hash.getOrDefault(AccountHash.HELD, "0")));
    }

    /** A column's value for one row; the key is always the first column. */
    @FunctionalInterface
    private interface Column<V> {
        V read(ResultSet row) throws SQLException;
    }

    /** A small table (a chaos run's rows) as a map from its first column. */
    private static <V> Map<String, V> byKey(Connection c, String query, Column<V> value) throws SQLException {
        Map<String, V> rows = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.put(rs.getString(1), value.read(rs));
            }
        }
        return rows;
    }

    private static String first(List<String> items) {
        return items.isEmpty() ? "" : " (e.g. " + String.join("; ", items.subList(0, Math.min(SHOWN, items.size()))) + ")";
    }
}
