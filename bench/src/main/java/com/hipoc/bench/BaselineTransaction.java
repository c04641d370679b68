package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One command as the traditional design runs it: one database transaction that locks the
 * account rows it touches ({@code SELECT ... FOR UPDATE}, both accounts of a transfer in one
 * order so two transfers cannot deadlock), checks the funds, updates the balances, appends the
 * ledger rows and records the txId, then commits.
 */
final class BaselineTransaction {
    private static final int DUPLICATE_KEY = 1062;

    private final Connection c;

    BaselineTransaction(Connection c) throws SQLException {
        this.c = c;
        c.setAutoCommit(false);
        // No gap locks: lookups of holds that do not exist must not block inserts of new ones.
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Runs the command and commits; returns its {@link OutcomeKind}. */
    String run(Command cmd) throws SQLException {
        try {
            String outcome = switch (cmd.type) {
                case DEPOSIT -> move(cmd.account, cmd.amount, 0, cmd.txId, "APPLIED");
                case WITHDRAWAL -> debit(cmd);
                case TRANSFER -> transfer(cmd);
                case HOLD -> hold(cmd);
                case CAPTURE, RELEASE -> endHold(cmd);
                default -> throw new IllegalArgumentException("the workload sends no " + cmd.type);
            };
            record(cmd.txId, outcome);
            c.commit();
            return outcome;
        } catch (SQLException e) {
            c.rollback();
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return replay(cmd.txId);
            }
            throw e;
        }
    }

    private String debit(Command cmd) throws SQLException {
        if (available(lock(cmd.account)) < cmd.amount) {
            return OutcomeKind.decision("REJECTED", "INSUFFICIENT_FUNDS");
        }
        return move(cmd.account, -cmd.amount, 0, cmd.txId, "APPLIED");
    }

    private String transfer(Command cmd) throws SQLException {
        boolean sourceFirst = cmd.account.compareTo(cmd.counterparty) < 0;
        long[] first = lock(sourceFirst ? cmd.account : cmd.counterparty);
        long[] second = lock(sourceFirst ? cmd.counterparty : cmd.account);
        if (available(sourceFirst ? first : second) < cmd.amount) {
            return OutcomeKind.decision("REJECTED", "INSUFFICIENT_FUNDS");
        }
        move(cmd.account, -cmd.amount, 0, cmd.txId, "");
        return move(cmd.counterparty, cmd.amount, 0, cmd.txId, "COMPLETED");
    }

    private String hold(Command cmd) throws SQLException {
        if (available(lock(cmd.account)) < cmd.amount) {
            return OutcomeKind.decision("REJECTED", "INSUFFICIENT_FUNDS");
        }
        update("INSERT INTO baseline_holds (hold_tx_id, account_id, amount, open) VALUES (?, ?, ?, TRUE)",
                cmd.txId, cmd.account, cmd.amount);
        return move(cmd.account, 0, cmd.amount, cmd.txId, "APPLIED");
    }

    /** Capture takes the whole hold from the balance; release only frees it. */
    private String endHold(Command cmd) throws SQLException {
        long amount;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT amount FROM baseline_holds WHERE hold_tx_id = ? AND account_id = ? AND open FOR UPDATE")) {
            s.setString(1, cmd.holdTxId);
            s.setString(2, cmd.account);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return OutcomeKind.decision("REJECTED", "HOLD_NOT_FOUND");
                }
                amount = rs.getLong(1);
            }
        }
        lock(cmd.account);
        update("UPDATE baseline_holds SET open = FALSE WHERE hold_tx_id = ?", cmd.holdTxId);
        return move(cmd.account, cmd.type == CommandType.CAPTURE ? -amount : 0, -amount, cmd.txId, "APPLIED");
    }

    /** The locked account's balance and held funds. */
    private long[] lock(String account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT balance, held FROM baseline_accounts WHERE account_id = ? FOR UPDATE")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("baseline account " + account + " was not opened");
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static long available(long[] account) {
        return account[0] - account[1];
    }

    private String move(String account, long amount, long heldDelta, String txId, String outcome) throws SQLException {
        update("UPDATE baseline_accounts SET balance = balance + ?, held = held + ? WHERE account_id = ?", amount, heldDelta, account);
        update("INSERT INTO baseline_ledger (tx_id, account_id, amount, held_delta) VALUES (?, ?, ?, ?)",
                txId, account, amount, heldDelta);
        return outcome;
    }

    private void record(String txId, String outcome) throws SQLException {
        update("INSERT INTO baseline_transactions (tx_id, outcome) VALUES (?, ?)", txId, outcome);
    }

    /** A retry: the first outcome of its txId, after the rollback undid whatever this attempt did. */
    private String replay(String txId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT outcome FROM baseline_transactions WHERE tx_id = ?")) {
            s.setString(1, txId);
            try (ResultSet rs = s.executeQuery()) {
                String outcome = rs.next() ? rs.getString(1) : OutcomeKind.error("replay-lost");
                c.commit();
                return outcome;
            }
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            List<Object> params = List.of(values);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.executeUpdate();
        }
    }
}
