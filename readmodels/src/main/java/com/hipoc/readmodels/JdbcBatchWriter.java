package com.hipoc.readmodels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Writes the rows of one table as JDBC batches (one prepared statement, rewritten by the driver). */
public class JdbcBatchWriter<T> extends BatchingWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcBatchWriter.class);

    private final JdbcEndpoint endpoint;
    private final JdbcTable<T> table;
    private Connection connection;
    private PreparedStatement statement;

    public JdbcBatchWriter(JdbcEndpoint endpoint, JdbcTable<T> table, RowBatch<T> batch, int batchSize,
                           SinkMetrics metrics) {
        super(batch, table::decidedAt, batchSize, metrics, new Retrier("MySQL " + table.name(), SqlErrors::isRetryable, metrics));
        this.endpoint = endpoint;
        this.table = table;
    }

    @Override
    protected void writeBatch(Collection<T> rows) throws SQLException {
        if (statement == null) {
            connection = endpoint.connect();
            statement = connection.prepareStatement(table.sql());
        }
        try {
            for (T row : rows) {
                table.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } finally {
            statement.clearBatch();
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
        statement = null;
    }
}
