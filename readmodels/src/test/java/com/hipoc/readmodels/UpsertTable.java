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
 * A table written with one statement per row, sent as JDBC batches that the driver rewrites
 * into multi-row statements: how the read models wrote before every table was loaded in bulk,
 * kept so that {@link SinkThroughputMeasurement} can measure one against the other.
 */
abstract class UpsertTable<T> extends JdbcTable<T> {
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
}
