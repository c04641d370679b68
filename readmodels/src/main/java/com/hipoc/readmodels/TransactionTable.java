package com.hipoc.readmodels;

import com.hipoc.events.AccountView;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.TransactionRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code transactions}, one row per txId whose status only moves forward: a replayed PENDING
 * arriving after COMPLETED leaves COMPLETED. The type, accounts, amount and creation time
 * never change for a txId, so an update leaves them as first written. The outcome is kept as
 * columns the ingress rebuilds it from: its status, reason and the account it answered (the
 * row's account; EventDecoder refuses an event whose outcome disagrees with its row).
 * <p>
 * Most rows are a txId's only status and are loaded in bulk, a replay skipped as a duplicate.
 * Only a transfer's COMPLETED or FAILED follows another status (its PENDING), which it must
 * replace, so those alone go through the guarded upsert.
 */
public class TransactionTable extends JdbcTable<TransactionRecord> {
    private static final String NAME = "transactions";
    private static final int PENDING_RANK = 1;
    private static final int FINAL_RANK = 2;
    /** account_currency ... account_status: the account the outcome answered, all NULL when none. */
    private static final String COLUMNS = "tx_id, type, status, status_rank, reason, account_id, counterparty, amount,"
            + " currency, account_currency, account_balance, account_held, account_available, account_version,"
            + " account_status, created_at";

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

    private static final class Loaded extends LoadedTable<TransactionRecord> {
        Loaded() {
            super(NAME, t -> t.decidedAt);
        }

        @Override
        public String columns() {
            return COLUMNS;
        }

        @Override
        public void write(TabSeparatedRows rows, TransactionRecord t) {
            rows.field(t.txId).field(t.type).field(t.outcome.status.name()).field(rank(t)).field(reason(t))
                    .field(t.account).field(t.counterparty).field(t.amount).field(t.currency);
            AccountView a = t.outcome.account;
            if (a == null) {
                rows.nulls(6);
            } else {
                rows.field(a.currency).field(a.balance).field(a.held).field(a.available).field(a.version)
                        .field(a.status.name());
            }
            rows.time(t.decidedAt);
        }
    }

    /** The guarded upsert, also what every row went through before loads (SinkThroughputMeasurement compares). */
    static final class Upserted extends UpsertTable<TransactionRecord> {
        Upserted() {
            super(NAME, t -> t.decidedAt);
        }

        @Override
        public String sql() {
            return "INSERT INTO transactions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + UpsertTable.updateIfNewer("status_rank", "status", "reason", "account_currency", "account_balance",
                    "account_held", "account_available", "account_version", "account_status");
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
            AccountView a = t.outcome.account;
            s.setString(10, a == null ? null : a.currency);
            s.setObject(11, a == null ? null : a.balance);
            s.setObject(12, a == null ? null : a.held);
            s.setObject(13, a == null ? null : a.available);
            s.setObject(14, a == null ? null : a.version);
            s.setString(15, a == null ? null : a.status.name());
            s.setObject(16, UpsertTable.utc(t.decidedAt));
        }
    }
}
