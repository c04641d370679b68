package com.hipoc.readmodels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.ToLongFunction;

/**
 * A writer into one MySQL table over one connection, opened on first use and dropped after a
 * failed attempt, so that the retry opens a new one.
 */
abstract class JdbcWriter<T> extends BatchingWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcWriter.class);

    private final String table;
    private Connection connection;

    protected JdbcWriter(String table, RowBatch<T> batch, ToLongFunction<T> decidedAt, int batchSize,
                         SinkMetrics metrics) {
        super(batch, decidedAt, batchSize, metrics, new Retrier("MySQL " + table, SqlErrors::isRetryable, metrics));
        this.table = table;
    }

    protected abstract Connection open() throws SQLException;

    protected Connection connection() throws SQLException {
        if (connection == null) {
            connection = open();
        }
        return connection;
    }

    @Override
    protected void disconnect() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a failed connection to {} failed too", table, e);
        }
        connection = null;
    }
}
