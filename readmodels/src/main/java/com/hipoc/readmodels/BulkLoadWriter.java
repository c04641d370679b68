package com.hipoc.readmodels;

import com.mysql.cj.jdbc.JdbcStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * Writes the rows of one insert-once table with one {@code LOAD DATA LOCAL INFILE} per batch,
 * streamed from memory: the server parses no SQL per row and the driver binds no parameters,
 * which makes a row cheaper on both sides than a multi-row INSERT (docs/read-models.md).
 * <p>
 * {@code LOCAL} skips rows whose key exists, which a replay needs, but also turns a bad value
 * into a warning and stores it coerced. So each batch is one transaction, committed only when
 * every warning is a skipped duplicate (the server counts one per skipped row); otherwise it is
 * rolled back and fails as a data error, which a retry would not fix.
 */
public class BulkLoadWriter<T> extends JdbcWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoadWriter.class);
    private static final int DUPLICATE_KEY = 1062;

    private final JdbcEndpoint endpoint;
    private final BulkTable<T> table;
    private final String load;

    public BulkLoadWriter(JdbcEndpoint endpoint, BulkTable<T> table, int batchSize, SinkMetrics metrics) {
        super(table.name(), new AppendBatch<>(), table::decidedAt, batchSize, metrics);
        this.endpoint = endpoint;
        this.table = table;
        this.load = "LOAD DATA LOCAL INFILE 'rows' IGNORE INTO TABLE " + table.name() + " CHARACTER SET utf8mb4 ("
                + table.columns() + ")";
    }

    @Override
    protected Connection open() throws SQLException {
        Connection connection = endpoint.connectForBulkLoads();
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    protected void writeBatch(Collection<T> rows) throws SQLException {
        TabSeparatedRows text = new TabSeparatedRows();
        for (T row : rows) {
            table.write(text, row);
            text.endRow();
        }
        Connection connection = connection();
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(text.stream());
            long skipped = rows.size() - statement.executeUpdate(load);
            if (count(statement, "SHOW COUNT(*) WARNINGS") > skipped) {
                throw new SQLDataException("LOAD DATA into " + table.name() + " coerced a value: "
                        + firstCoercion(statement), "22000");
            }
            connection.commit();
        } catch (SQLException e) {
            rollBack(connection);
            throw e;
        }
    }

    private static long count(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first warning that is not a skipped duplicate (error 1062), of the 64 the server lists. */
    private static String firstCoercion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW WARNINGS")) {
            while (rs.next()) {
                if (rs.getInt("Code") != DUPLICATE_KEY) {
                    return rs.getString("Message");
                }
            }
            return "not among the first warnings listed";
        }
    }

    private void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rolling back a failed load into {} failed too", table.name(), e);
        }
    }
}
