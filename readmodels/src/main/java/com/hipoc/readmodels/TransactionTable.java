package com.hipoc.readmodels;

import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.TransactionRecord;
import com.hipoc.events.WireJson;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code transactions}, one row per txId whose status only moves forward: a replayed PENDING
 * arriving after COMPLETED leaves COMPLETED. The type, accounts, amount and creation time
 * never change for a txId, so an update leaves them as first written.
 * <p>
 * Most rows are a txId's only status and are loaded in bulk, a replay skipped as a duplicate.
 * Only a transfer's COMPLETED or FAILED follows another status (its PENDING), which it must
 * replace, so those alone go through the guarded upsert.
 */
public class TransactionTable extends JdbcTable<TransactionRecord> {
    private static final String NAME = "transactions";
    private static final int PENDING_RANK = 1;
    private static final int FINAL_RANK = 2;

    private final Loaded loaded = new Loaded();
    private final Upserted upserted = new Upserted();

    public TransactionTable() {
        super(NAME, t -> t.decidedAt);
    }

    /** How far a status has moved: PENDING before any final status. */
    static int rank(TransactionRecord t) {
        return t.outcome.status == OutcomeStatus.PENDING ? PENDING_RANK : FINAL_RANK;
    }

    private static boolean followsPending(TransactionRecord t) {
        return t.outcome.status == OutcomeStatus.COMPLETED || t.outcome.status == OutcomeStatus.FAILED;
    }

    @Override
    public void write(Connection connection, Collection<TransactionRecord> rows) throws SQLException {
        List<TransactionRecord> first = new ArrayList<>(rows.size());
        List<TransactionRecord> following = new ArrayList<>();
        for (TransactionRecord t : rows) {
            (followsPending(t) ? following : first).add(t);
        }
        loaded.write(connection, first);
        upserted.write(connection, following);
    }

    private static String reason(TransactionRecord t) {
        return t.outcome.reason == null ? null : t.outcome.reason.name();
    }

    private static String outcome(TransactionRecord t) {
        return new String(WireJson.encode(t.outcome), StandardCharsets.UTF_8);
    }

    private static final class Loaded extends LoadedTable<TransactionRecord> {
        Loaded() {
            super(NAME, t -> t.decidedAt);
        }

        @Override
        public String columns() {
            return "tx_id, type, status, status_rank, reason, account_id, counterparty, amount, currency, outcome,"
                    + " created_at, updated_at";
        }

        @Override
        public void write(TabSeparatedRows rows, TransactionRecord t) {
            rows.field(t.txId).field(t.type).field(t.outcome.status.name()).field(rank(t)).field(reason(t))
                    .field(t.account).field(t.counterparty).field(t.amount).field(t.currency).field(outcome(t))
                    .time(t.decidedAt).time(t.decidedAt);
        }
    }

    /** The guarded upsert, also what every row went through before loads (SinkThroughputMeasurement compares). */
    static final class Upserted extends UpsertTable<TransactionRecord> {
        Upserted() {
            super(NAME, t -> t.decidedAt);
        }

        @Override
        public String sql() {
            return "INSERT INTO transactions (tx_id, type, status, status_rank, reason, account_id, counterparty,"
                    + " amount, currency, outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + UpsertTable.updateIfNewer("status_rank", "status", "reason", "outcome", "updated_at");
        }

        @Override
        public void bind(PreparedStatement s, TransactionRecord t) throws SQLException {
            s.setString(1, t.txId);
            s.setString(2, t.type);
            s.setString(3, t.outcome.status.name());
            s.setInt(4, rank(t));
            s.setString(5, reason(t));
            s.setString(6, t.account);
            s.setString(7, t.counterparty);
            s.setObject(8, t.amount);
            s.setString(9, t.currency);
            s.setString(10, outcome(t));
            s.setObject(11, UpsertTable.utc(t.decidedAt));
            s.setObject(12, UpsertTable.utc(t.decidedAt));
        }
    }
}
