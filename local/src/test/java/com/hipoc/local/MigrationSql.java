package com.hipoc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests of one migration file do with the database it ran on. */
final class MigrationSql {
    private MigrationSql() {
    }

    static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return new MysqlEndpoint("127.0.0.1", db.port(), "root", "", EmbeddedMariaDb.DATABASE).connect();
    }

    /** Each row as its columns joined by {@code |}, NULL as {@code null}. */
    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The file's statements one by one, again, outside Flyway: what a file must survive (docs/operations.md). */
    static void runAgain(Statement s, Path file) throws Exception {
        for (String statement : Files.readString(file).replaceAll("--[^\n]*", "").split(";")) {
            if (!statement.isBlank()) {
                s.execute(statement);
            }
        }
    }
}
