package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the tests of one migration file share: the database an upgrade to the file finds, and what they do with it. */
final class MigrationSql {
    static final Path REPO_MIGRATIONS = Path.of("..", "sql", "migrations");

    private MigrationSql() {
    }

    /** The repository's files that run before {@code file}, in Flyway's order. */
    static List<Path> filesBefore(String file) throws IOException {
        try (Stream<Path> files = Files.list(REPO_MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().compareTo(file) < 0).sorted().toList();
        }
    }

    /**
     * A database in {@code dir} that ran the files before {@code file} and then {@code statements}
     * (the rows the file must convert), started again with the file added: what an upgrade finds.
     */
    static EmbeddedMariaDb upgradedTo(String file, Path dir, String... statements) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        for (Path before : filesBefore(file)) {
            Files.copy(before, migrations.resolve(before.getFileName()));
        }
        Path data = dir.resolve("mariadb");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, 0, migrations);
             Connection c = connect(db); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        Files.copy(REPO_MIGRATIONS.resolve(file), migrations.resolve(file));
        return EmbeddedMariaDb.start(data, 0, migrations);
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

    /**
     * {@code file} again, then every file before it and {@code file} once more, as docker-compose's
     * MySQL runs them all on a volume Flyway then migrates: each must change nothing the second time.
     */
    static void runAllAgain(Statement s, String file) throws Exception {
        runAgain(s, REPO_MIGRATIONS.resolve(file));
        for (Path before : filesBefore(file)) {
            runAgain(s, before);
        }
        runAgain(s, REPO_MIGRATIONS.resolve(file));
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
