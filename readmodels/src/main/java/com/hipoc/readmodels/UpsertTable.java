package com.hipoc.readmodels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * A table written with one guarded upsert per row, sent as JDBC batches that the driver
 * rewrites into multi-row statements: for rows that must replace a stored row when newer,
 * which a bulk load cannot.
 */
public abstract class UpsertTable<T> extends JdbcTable<T> {
    protected UpsertTable(String name, ToLongFunction<T> decidedAt) {
        super(name, decidedAt);
    }

    public abstract String sql();

    public abstract void bind(PreparedStatement statement, T row) throws SQLException;

    @Override
    public void write(Connection connection, Collection<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql())) {
            for (T row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * The schema keeps UTC; a {@code LocalDateTime} is sent as is, where a {@code Timestamp}
     * would be shifted into the JVM's or the session's time zone.
     */
    static LocalDateTime utc(long epochMs) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    /**
     * An {@code ON DUPLICATE KEY UPDATE} clause that overwrites {@code columns} only when the
     * incoming {@code guard} is greater than the stored one. The guard is assigned last: MySQL
     * evaluates the assignments left to right, so a column assigned after it would compare
     * with the already updated guard and never change.
     */
    static String updateIfNewer(String guard, String... columns) {
        StringBuilder sql = new StringBuilder(" ON DUPLICATE KEY UPDATE ");
        for (String column : columns) {
            sql.append(column).append(" = IF(VALUES(").append(guard).append(") > ").append(guard)
                    .append(", VALUES(").append(column).append("), ").append(column).append("), ");
        }
        return sql.append(guard).append(" = GREATEST(").append(guard).append(", VALUES(").append(guard).append("))")
                .toString();
    }
}
