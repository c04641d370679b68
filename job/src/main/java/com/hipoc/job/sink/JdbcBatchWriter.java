package com.hipoc.job.sink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes rows of one table in JDBC batches: when the batch is full and at every checkpoint
 * (Flink calls {@link #flush} before the barrier), so a completed checkpoint means every row
 * before it is in the database. A failed batch is written again, whole, on a new connection.
 */
public class JdbcBatchWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBatchWriter.class);

    private final JdbcEndpoint endpoint;
    private final JdbcTable<T> table;
    private final RowBatch<T> batch;
    private final int batchSize;
    private final SinkCounters counters;
    private final Retrier retrier;
    private Connection connection;
    private PreparedStatement statement;

    public JdbcBatchWriter(JdbcEndpoint endpoint, JdbcTable<T> table, RowBatch<T> batch, int batchSize,
                           SinkCounters counters) {
        this.endpoint = endpoint;
        this.table = table;
        this.batch = batch;
        this.batchSize = batchSize;
        this.counters = counters;
        this.retrier = new Retrier("MySQL " + table.name(), SqlErrors::isRetryable, counters);
    }

    @Override
    public void write(T row, Context context) throws IOException, InterruptedException {
        batch.add(row);
        if (batch.size() >= batchSize) {
            flush(false);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (batch.size() == 0) {
            return;
        }
        retrier.run(this::writeBatch, this::disconnect);
        counters.rowsWritten().inc(batch.size());
        batch.clear();
    }

    private void writeBatch() throws SQLException {
        if (statement == null) {
            connection = endpoint.connect();
            statement = connection.prepareStatement(table.sql());
        }
        try {
            for (T row : batch.rows()) {
                table.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } finally {
            statement.clearBatch();
        }
    }

    private void disconnect() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a failed connection to {} failed too", table.name(), e);
        }
        connection = null;
        statement = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
