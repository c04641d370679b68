package com.hipoc.local.readmodels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The MySQL read models, read in (account_id, seq) order a slice at a time, so that millions of
 * accounts never sit in one result set or in memory at once.
 */
final class ReadModelTables {
    /**
     * An account is its newest ledger row. The inner query finds each account's newest seq in the
     * (account_id, seq) index alone, reading one entry from the account's end, where a MAX(seq) read
     * all of the account's; only those rows are then read from the table (ANALYZE on MariaDB 11.4:
     * filtering the table's rows instead read every row of every account of the page).
     */
    private static final String ACCOUNTS = "SELECT l.account_id, l.currency, l.balance_after, l.held_after, l.status, l.seq"
            + " FROM (SELECT account_id, seq FROM ledger_entries n WHERE account_id > ?"
            + " AND seq = (SELECT seq FROM ledger_entries x WHERE x.account_id = n.account_id ORDER BY seq DESC LIMIT 1)"
            + " ORDER BY account_id LIMIT ?) newest"
            + " JOIN ledger_entries l ON l.account_id = newest.account_id AND l.seq = newest.seq ORDER BY l.account_id";
    private static final String ENTRY_COLUMNS = "SELECT account_id, seq, kind, amount, held_delta, balance_after, held_after"
            + " FROM ledger_entries";
    private static final String LEDGER = ENTRY_COLUMNS + " WHERE account_id > ? AND account_id <= ? ORDER BY account_id, seq";
    private static final String LEDGER_TO_END = ENTRY_COLUMNS + " WHERE account_id > ? ORDER BY account_id, seq";

    private final Connection connection;

    ReadModelTables(Connection connection) {
        this.connection = connection;
    }

    /** Up to {@code limit} accounts after {@code after} ("" for the first page). */
    List<AccountRow> accountsAfter(String after, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(ACCOUNTS)) {
            s.setString(1, after);
            s.setInt(2, limit);
            List<AccountRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AccountRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getLong(6)));
                }
            }
            return rows;
        }
    }

    /**
     * Every ledger entry of the accounts after {@code after} up to {@code last} (to the end when
     * null), in (account, seq) order. Streamed row by row: one account may have millions.
     */
    void ledgerBetween(String after, String last, Consumer<LedgerRow> entries) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(last == null ? LEDGER_TO_END : LEDGER,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // Connector/J streams a result set only with this fetch size.
            s.setFetchSize(Integer.MIN_VALUE);
            s.setString(1, after);
            if (last != null) {
                s.setString(2, last);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.accept(new LedgerRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7)));
                }
            }
        }
    }
}
