package com.hipoc.readmodels;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the read-model tables hold, as text a test can compare exactly. */
final class Tables {
    /**
     * The rows a query reads after {@code SELECT ...}: each txId's answer, its {@code transactions}
     * row of the highest rank (what GET /v1/transactions/{txId} reads), in txId order. Whether a
     * transfer's PENDING row is there too depends on how the flushes fell.
     */
    static final String ANSWERING_TRANSACTIONS = " FROM transactions t WHERE status_rank ="
            + " (SELECT MAX(status_rank) FROM transactions WHERE tx_id = t.tx_id) ORDER BY tx_id";

    private Tables() {
    }

    /** Each row of the query's result as its columns joined by {@code |}, NULL as {@code null}. */
    static List<String> rows(JdbcEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }
}
