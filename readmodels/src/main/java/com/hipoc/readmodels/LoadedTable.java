package com.hipoc.readmodels;

import com.mysql.cj.jdbc.JdbcStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * A table written with one {@code LOAD DATA LOCAL INFILE} per batch, streamed from memory: the
 * server parses no SQL per row and the driver binds no parameters, which makes a row cheaper on
 * both sides than a multi-row INSERT (docs/read-models.md). A row whose key is there already is
 * skipped, which a replay needs: only rows written once per key can be loaded.
 * <p>
 * {@code LOCAL} also turns a bad value into a warning and stores it coerced. So a load whose
 * warnings are not all skipped duplicates (the server counts one per skipped row) fails as a
 * data error, which a retry would not fix, and its transaction is rolled back.
 */
public abstract class LoadedTable<T> extends JdbcTable<T> {
    private static final int DUPLICATE_KEY = 1062;

    protected LoadedTable(String name, ToLongFunction<T> decidedAt) {
        super(name, decidedAt);
    }

    /** The columns each line fills, in the order {@link #write(TabSeparatedRows, Object)} writes them. */
    public abstract String columns();

    public abstract void write(TabSeparatedRows rows, T row);

    @Override
    public void write(Connection connection, Collection<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        TabSeparatedRows text = new TabSeparatedRows();
        for (T row : rows) {
            write(text, row);
            text.endRow();
        }
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(text.stream());
            long skipped = rows.size() - statement.executeUpdate("LOAD DATA LOCAL INFILE 'rows' IGNORE INTO TABLE " + name()
                    + " CHARACTER SET utf8mb4 (" + columns() + ")");
            if (count(statement, "SHOW COUNT(*) WARNINGS") > skipped) {
                throw new SQLDataException("LOAD DATA into " + name() + " coerced a value: " + firstCoercion(statement),
                        "22000");
            }
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
}
