package com.hipoc.readmodels;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One read-model table: its idempotent write statement and how a row fills it. */
public interface JdbcTable<T> extends Serializable {
    String name();

    String sql();

    void bind(PreparedStatement statement, T row) throws SQLException;

    /** The time of the decision the row comes from, epoch ms. */
    long decidedAt(T row);

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
