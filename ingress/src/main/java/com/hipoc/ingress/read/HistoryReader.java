package com.hipoc.ingress.read;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.Timestamps;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The ledger and transaction outcomes, from MySQL (the engine's idempotent copy of them). */
final class HistoryReader {
    private static final String ENTRIES = "SELECT seq, tx_id, kind, amount, held_delta, balance_after, counterparty,"
            + " created_at FROM ledger_entries WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";
    /**
     * Legs carry their parent's time, so created_at is not monotonic in seq; the balance at an
     * instant is the one after the last change (highest seq) stamped at or before it.
     */
    private static final String BALANCE_AT = "SELECT seq, balance_after FROM ledger_entries"
            + " WHERE account_id = ? AND created_at <= ? ORDER BY seq DESC LIMIT 1";
    private static final String ANY_ENTRY = "SELECT 1 FROM ledger_entries WHERE account_id = ? LIMIT 1";
    private static final String OUTCOME = "SELECT type, status, reason, account_id, account_currency, account_balance,"
            + " account_held, account_available, account_version, account_status, created_at FROM transactions"
            + " WHERE tx_id = ? ORDER BY status_rank DESC LIMIT 1";

    private final DataSource db;

    HistoryReader(DataSource db) {
        this.db = db;
    }

    /** Entries with seq below {@code before}, newest first; {@code next} is the before of the next page. */
    ObjectNode entries(String account, long before, int limit) throws SQLException {
        ArrayNode entries = Json.MAPPER.createArrayNode();
        Long next = null;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(ENTRIES)) {
            s.setString(1, account);
            s.setLong(2, before);
            s.setInt(3, limit + 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (entries.size() == limit) {
                        next = entries.get(limit - 1).get("seq").longValue();
                        break;
                    }
                    entries.add(entry(r));
                }
            }
        }
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.set("entries", entries);
        page.put("next", next);
        return page;
    }

    private static ObjectNode entry(ResultSet r) throws SQLException {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("seq", r.getLong(1));
        e.put("txId", r.getString(2));
        e.put("kind", r.getString(3));
        e.put("amount", r.getLong(4));
        e.put("heldDelta", r.getLong(5));
        e.put("balanceAfter", r.getLong(6));
        e.put("counterparty", r.getString(7));
        e.put("createdAt", Timestamps.format(utc(r.getObject(8, LocalDateTime.class))));
        return e;
    }

    /** The balance as of {@code at}, or empty when the account has no ledger at all. */
    Optional<ObjectNode> balanceAt(String account, Instant at) throws SQLException {
        try (Connection c = db.getConnection()) {
            long seq = 0;
            long balance = 0;
            try (PreparedStatement s = c.prepareStatement(BALANCE_AT)) {
                s.setString(1, account);
                s.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        seq = r.getLong(1);
                        balance = r.getLong(2);
                    }
                }
            }
            if (seq == 0 && !hasEntries(c, account)) {
                return Optional.empty();
            }
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("account", account);
            json.put("at", Timestamps.format(at));
            json.put("balance", balance);
            json.put("seq", seq);
            return Optional.of(json);
        }
    }

    private static boolean hasEntries(Connection c, String account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ANY_ENTRY)) {
            s.setString(1, account);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * The latest outcome recorded for a txId, rebuilt from its row of the highest status rank (a
     * transfer's final status beside its PENDING one): the account it answered is the row's account
     * (the read models refuse an event where it is not), NULL columns when none.
     */
    Optional<Outcome> outcome(String txId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(OUTCOME)) {
            s.setString(1, txId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Outcome o = new Outcome();
                o.txId = txId;
                o.type = CommandType.fromWireName(r.getString(1));
                o.status = OutcomeStatus.valueOf(r.getString(2));
                String reason = r.getString(3);
                o.reason = reason == null ? null : RejectReason.valueOf(reason);
                String accountStatus = r.getString(10);
                if (accountStatus != null) {
                    o.account = new AccountView(r.getString(4), r.getString(5), r.getLong(6), r.getLong(7), r.getLong(8),
                            r.getLong(9), AccountStatus.valueOf(accountStatus));
                }
                o.acceptedAt = utc(r.getObject(11, LocalDateTime.class)).toEpochMilli();
                return Optional.of(o);
            }
        }
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
