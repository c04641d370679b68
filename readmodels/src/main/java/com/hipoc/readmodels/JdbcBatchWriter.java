package com.hipoc.readmodels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Writes the rows of one table as JDBC batches (one prepared statement, rewritten by the driver). */
public class JdbcBatchWriter<T> extends JdbcWriter<T> {
    private final JdbcEndpoint endpoint;
    private final JdbcTable<T> table;

    public JdbcBatchWriter(JdbcEndpoint endpoint, JdbcTable<T> table, RowBatch<T> batch, int batchSize,
                           SinkMetrics metrics) {
        super(table.name(), batch, table::decidedAt, batchSize, metrics);
        this.endpoint = endpoint;
        this.table = table;
    }

    @Override
    protected Connection open() throws SQLException {
        return endpoint.connect();
    }

    @Override
    protected void writeBatch(Collection<T> rows) throws SQLException {
        try (PreparedStatement statement = connection().prepareStatement(table.sql())) {
            for (T row : rows) {
                table.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
