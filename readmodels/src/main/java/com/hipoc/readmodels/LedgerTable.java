package com.hipoc.readmodels;

import com.hipoc.events.LedgerEntry;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code ledger_entries}, written once per {@code (account_id, seq)}. A duplicate key is a
 * no-op update rather than {@code INSERT IGNORE}, which would also turn a too-long value or
 * any other bad row into a silent warning.
 */
public class LedgerTable implements JdbcTable<LedgerEntry> {
    @Override
    public String name() {
        return "ledger_entries";
    }

    @Override
    public String sql() {
        return "INSERT INTO ledger_entries (account_id, seq, tx_id, kind, amount, held_delta, balance_after,"
                + " counterparty, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE seq = seq";
    }

    @Override
    public long decidedAt(LedgerEntry e) {
        return e.createdAt;
    }

    @Override
    public void bind(PreparedStatement s, LedgerEntry e) throws SQLException {
        s.setString(1, e.accountId);
        s.setLong(2, e.seq);
        s.setString(3, e.txId);
        s.setString(4, e.kind);
        s.setLong(5, e.amount);
        s.setLong(6, e.heldDelta);
        s.setLong(7, e.balanceAfter);
        s.setString(8, e.counterparty);
        s.setObject(9, JdbcTable.utc(e.createdAt));
    }
}
