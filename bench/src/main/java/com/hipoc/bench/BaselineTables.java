package com.hipoc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The traditional design's tables, beside Hi-PoC's on the same MariaDB and owned by the bench:
 * created, emptied and filled with the opening balances before a baseline run, and checked after.
 */
final class BaselineTables {
    private static final int INSERT_BATCH = 5_000;

    private BaselineTables() {
    }

    static void recreate(Connection c, long accounts) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS baseline_accounts, baseline_ledger, baseline_transactions, baseline_holds");
            s.execute("CREATE TABLE baseline_accounts (account_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " balance BIGINT NOT NULL, held BIGINT NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE baseline_ledger (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, tx_id VARCHAR(64) NOT NULL,"
                    + " account_id VARCHAR(64) NOT NULL, amount BIGINT NOT NULL, held_delta BIGINT NOT NULL,"
                    + " created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), KEY (account_id)) ENGINE=InnoDB");
            // The idempotency record: a retry finds its txId here (unique key) and changes nothing.
            s.execute("CREATE TABLE baseline_transactions (tx_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " outcome VARCHAR(48) NOT NULL) ENGINE=InnoDB");
            s.execute("CREATE TABLE baseline_holds (hold_tx_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " account_id VARCHAR(64) NOT NULL, amount BIGINT NOT NULL, open BOOLEAN NOT NULL) ENGINE=InnoDB");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO baseline_accounts (account_id, balance, held) VALUES (?, ?, 0)")) {
            for (long i = 0; i < accounts; i++) {
                insert.setString(1, AccountPicker.name(i));
                insert.setLong(2, Workload.OPENING_BALANCE);
                insert.addBatch();
                if ((i + 1) % INSERT_BATCH == 0 || i + 1 == accounts) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        c.setAutoCommit(true);
    }

    /**
     * Every account's balance must be its opening balance plus its ledger's amounts, its held
     * funds the sum of its ledger's held deltas, and no account may be overdrawn.
     */
    static Check check(Connection c, long accounts) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(a.balance), COALESCE(SUM(l.amount), 0),"
                     + " SUM(a.balance <> " + Workload.OPENING_BALANCE + " + COALESCE(l.amount, 0) OR a.held <> COALESCE(l.held, 0)"
                     + " OR a.balance - a.held < 0)"
                     + " FROM baseline_accounts a LEFT JOIN (SELECT account_id, SUM(amount) amount, SUM(held_delta) held"
                     + " FROM baseline_ledger GROUP BY account_id) l ON l.account_id = a.account_id")) {
            rs.next();
            long count = rs.getLong(1);
            long balances = rs.getLong(2);
            long deltas = rs.getLong(3);
            long wrong = rs.getLong(4);
            long expected = accounts * Workload.OPENING_BALANCE + deltas;
            boolean passed = count == accounts && balances == expected && wrong == 0;
            return new Check(passed, String.format("baseline: %d accounts, sum of balances %d %s opening %d + applied deltas %d;"
                    + " %d accounts disagree with their ledger or are overdrawn", count, balances, balances == expected ? "=" : "!=",
                    accounts * Workload.OPENING_BALANCE, deltas, wrong));
        }
    }
}
