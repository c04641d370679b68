package com.hipoc.readmodels;

import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.WireJson;
import com.hipoc.events.TransactionRecord;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code transactions}, one row per txId whose status only moves forward: a replayed PENDING
 * arriving after COMPLETED leaves COMPLETED. The type, accounts, amount and creation time
 * never change for a txId, so an update leaves them as first written.
 */
public class TransactionTable implements JdbcTable<TransactionRecord> {
    private static final int PENDING_RANK = 1;
    private static final int FINAL_RANK = 2;

    /** How far a status has moved: PENDING before any final status. */
    static int rank(TransactionRecord t) {
        return t.outcome.status == OutcomeStatus.PENDING ? PENDING_RANK : FINAL_RANK;
    }

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public String sql() {
        return "INSERT INTO transactions (tx_id, type, status, status_rank, reason, account_id, counterparty,"
                + " amount, currency, outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + JdbcTable.updateIfNewer("status_rank", "status", "reason", "outcome", "updated_at");
    }

    @Override
    public long decidedAt(TransactionRecord t) {
        return t.decidedAt;
    }

    @Override
    public void bind(PreparedStatement s, TransactionRecord t) throws SQLException {
        s.setString(1, t.txId);
        s.setString(2, t.type);
        s.setString(3, t.outcome.status.name());
        s.setInt(4, rank(t));
        s.setString(5, t.outcome.reason == null ? null : t.outcome.reason.name());
        s.setString(6, t.account);
        s.setString(7, t.counterparty);
        s.setObject(8, t.amount);
        s.setString(9, t.currency);
        s.setString(10, new String(WireJson.encode(t.outcome), StandardCharsets.UTF_8));
        s.setObject(11, JdbcTable.utc(t.decidedAt));
        s.setObject(12, JdbcTable.utc(t.decidedAt));
    }
}
