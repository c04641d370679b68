package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings a database up to the numbered files of {@code sql/migrations}: each file not yet
 * recorded in {@code schema_version} is applied, in version order, and recorded. Each runs in
 * a transaction, but MySQL and MariaDB commit DDL implicitly, so a file that fails halfway keeps
 * its earlier statements and stays unrecorded: write migrations that can run again
 * ({@code IF NOT EXISTS}), and the next start completes them.
 */
public final class SchemaMigrations {
    private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + " version INT NOT NULL, name VARCHAR(200) NOT NULL, applied_at DATETIME(3) NOT NULL, PRIMARY KEY (version))";

    private final List<Migration> migrations;

    private SchemaMigrations(List<Migration> migrations) {
        this.migrations = migrations;
    }

    /** The migration files of a directory, in version order; fails on two files with one version. */
    public static SchemaMigrations in(Path dir) throws IOException {
        List<Migration> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.map(Migration::of).flatMap(Optional::stream)
                    .sorted(Comparator.comparingInt(Migration::version)).toList();
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no V<n>__<name>.sql files in " + dir);
        }
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).version() == found.get(i - 1).version()) {
                throw new IllegalStateException("two migrations with version " + found.get(i).version() + " in " + dir);
            }
        }
        return new SchemaMigrations(found);
    }

    /** Applies the migrations the database has not recorded; returns them. */
    public List<Migration> apply(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute(VERSION_TABLE);
        }
        Set<Integer> done = appliedVersions(c);
        List<Migration> applied = new ArrayList<>();
        for (Migration m : migrations) {
            if (!done.contains(m.version())) {
                apply(c, m);
                applied.add(m);
            }
        }
        return applied;
    }

    private static Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static void apply(Connection c, Migration m) throws SQLException, IOException {
        List<String> statements = SqlScript.statements(Files.readString(m.file()));
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
             PreparedStatement record = c.prepareStatement(
                     "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, UTC_TIMESTAMP(3))")) {
            for (String statement : statements) {
                s.execute(statement);
            }
            record.setInt(1, m.version());
            record.setString(2, m.name());
            record.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + m.file().getFileName() + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
