package com.hipoc.readmodels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Writes each batch of one table in one transaction, over one connection opened on first use
 * and dropped after a failed attempt, so that the retry opens a new one and a batch is written
 * whole or not at all.
 */
public class JdbcBatchWriter<T> extends BatchingWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBatchWriter.class);

    private final JdbcEndpoint endpoint;
    private final JdbcTable<T> table;
    private Connection connection;

    public JdbcBatchWriter(JdbcEndpoint endpoint, JdbcTable<T> table, RowBatch<T> batch, int batchSize,
                           SinkMetrics metrics) {
        super(batch, table::decidedAt, batchSize, metrics,
                new Retrier("MySQL " + table.name(), SqlErrors::isRetryable, metrics));
        this.endpoint = endpoint;
        this.table = table;
    }

    @Override
    protected void writeBatch(Collection<T> rows) throws SQLException {
        if (connection == null) {
            connection = endpoint.connect();
            connection.setAutoCommit(false);
        }
        try {
            table.write(connection, rows);
            connection.commit();
        } catch (SQLException e) {
            rollBack();
            throw e;
        }
    }

    private void rollBack() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rolling back a failed batch of {} failed too", table.name(), e);
        }
    }

    @Override
    protected void disconnect() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a failed connection to {} failed too", table.name(), e);
        }
        connection = null;
    }
}
