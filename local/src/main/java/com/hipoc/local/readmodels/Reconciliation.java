package com.hipoc.local.readmodels;

import redis.clients.jedis.Jedis;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks that the read models agree with each other and with the money's origin: for every
 * account, its ledger history, whose newest row is the account, and its Redis hash; then the
 * totals. Walks the accounts a page at a time in key order, the ledger entries of each page's
 * key range alongside.
 */
public final class Reconciliation {
    static final int PAGE_SIZE = 1000;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ReadModelTables tables;
    private final RedisHashes hashes;
    private final PrintStream progress;
    private final Mismatches mismatches = new Mismatches();
    private final MoneyTotals totals = new MoneyTotals();
    private long accounts;
    private long entries;

    private Reconciliation(ReadModelTables tables, RedisHashes hashes, PrintStream progress) {
        this.tables = tables;
        this.hashes = hashes;
        this.progress = progress;
    }

    /** Runs the whole check; prints a progress line every 10 s on {@code progress}. */
    public static VerifyReport run(ReadModelStores stores, PrintStream progress) throws SQLException {
        try (Connection c = stores.mysql().connect(); Jedis jedis = stores.redis().connect()) {
            Reconciliation r = new Reconciliation(new ReadModelTables(c), new RedisHashes(jedis), progress);
            r.checkAllAccounts();
            r.totals.check(r.mismatches);
            return new VerifyReport(r.accounts, r.entries, r.mismatches);
        }
    }

    private void checkAllAccounts() throws SQLException {
        long started = System.nanoTime();
        long lastProgress = started;
        String after = "";
        List<AccountRow> page;
        do {
            page = tables.accountsAfter(after, PAGE_SIZE);
            String last = page.isEmpty() ? null : page.get(page.size() - 1).account();
            checkPage(after, last, page);
            after = last;
            long now = System.nanoTime();
            if (now - lastProgress > PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                progress.printf("verify: %d accounts, %d ledger entries so far (%.0f accounts/s)%n",
                        accounts, entries, accounts / ((now - started) / 1e9));
            }
        } while (!page.isEmpty());
    }

    /** The accounts of one page and every ledger entry keyed after {@code after} up to {@code last}. */
    private void checkPage(String after, String last, List<AccountRow> page) throws SQLException {
        Map<String, AccountHistory> histories = new HashMap<>();
        tables.ledgerBetween(after, last, e -> {
            entries++;
            totals.add(e, mismatches);
            histories.computeIfAbsent(e.account(), AccountHistory::new).add(e, mismatches);
        });
        List<Map<String, String>> redis = hashes.of(page);
        for (int i = 0; i < page.size(); i++) {
            AccountRow row = page.get(i);
            RedisAgreement.check(row, redis.get(i), mismatches);
            totals.addBalance(row);
        }
        accounts += page.size();
    }
}
