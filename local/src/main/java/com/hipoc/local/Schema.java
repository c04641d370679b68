package com.hipoc.local;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Brings a database up to the {@code V<n>__<name>.sql} files of {@code sql/migrations} with
 * Flyway, which records each applied file with its checksum in {@code flyway_schema_history} and
 * refuses to run while an applied file has changed. docs/operations.md, "Schema migrations", says
 * what an operator sees.
 */
public final class Schema {
    private static final String HISTORY = "flyway_schema_history";
    /** Where the hand-written runner before Flyway recorded the versions it had applied. */
    private static final String OLD_HISTORY = "schema_version";

    private Schema() {
    }

    /**
     * Applies the files the database has not recorded. A database without Flyway's history but
     * with tables is taken over first: at the newest version of the old runner's table, which is
     * then dropped, or else at version 0, so every file runs again; the files are written to run
     * again (README) because docker-compose's MySQL runs them on a new volume without any history.
     */
    public static MigrateResult migrate(MysqlEndpoint mysql, Path migrations) throws SQLException {
        Optional<String> oldVersion;
        try (Connection c = mysql.connect()) {
            oldVersion = oldRunnersVersion(c);
            forgetFailedFiles(c);
        }
        MigrateResult result = Flyway.configure()
                .dataSource(mysql.jdbcUrl(), mysql.user(), mysql.password())
                .locations("filesystem:" + migrations.toAbsolutePath())
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion(oldVersion.orElse("0"))
                .baselineDescription(oldVersion.isPresent() ? "taken over from " + OLD_HISTORY : "taken over without history")
                .load()
                .migrate();
        if (oldVersion.isPresent()) {
            try (Connection c = mysql.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + OLD_HISTORY);
            }
        }
        return result;
    }

    /**
     * MySQL cannot roll DDL back, so Flyway records a file that failed halfway and refuses every
     * later run until that record is gone (its repair would also accept edited files). The files
     * are written to run again, so a failed one runs again from its first statement instead.
     */
    private static void forgetFailedFiles(Connection c) throws SQLException {
        if (hasTable(c, HISTORY)) {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM " + HISTORY + " WHERE NOT success");
            }
        }
    }

    /** The newest version in the old runner's table (0 when it is empty); empty without that table. */
    private static Optional<String> oldRunnersVersion(Connection c) throws SQLException {
        if (!hasTable(c, OLD_HISTORY)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
             ResultSet max = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + OLD_HISTORY)) {
            max.next();
            return Optional.of(String.valueOf(max.getInt(1)));
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet count = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name = '" + table + "'")) {
            count.next();
            return count.getInt(1) > 0;
        }
    }
}
