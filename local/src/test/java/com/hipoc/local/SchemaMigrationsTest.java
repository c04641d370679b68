package com.hipoc.local;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway over sql/migrations against a real MariaDB: the server {@link EmbeddedMariaDb} starts
 * with the repository's files, and a database of its own for each other test, with files of the
 * test's. Files whose second run would fail ({@code CREATE TABLE} without {@code IF NOT EXISTS})
 * show that a file did not run again.
 */
class SchemaMigrationsTest {
    private static final Path REPO_MIGRATIONS = Path.of("..", "sql", "migrations");

    @TempDir
    static Path serverDir;
    private static EmbeddedMariaDb db;

    @TempDir
    Path migrations;

    @BeforeAll
    static void startServer() throws Exception {
        db = EmbeddedMariaDb.start(serverDir, 0, REPO_MIGRATIONS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        db.close();
    }

    @Test
    void theServerStartsWithEveryFileOfTheRepositoryApplied() throws Exception {
        List<String> files;
        try (var names = Files.list(REPO_MIGRATIONS)) {
            files = names.map(f -> f.getFileName().toString()).sorted().toList();
        }
        try (Connection c = db.endpoint().connect()) {
            assertThat(history(c)).hasSize(files.size()).allMatch(row -> row.startsWith("SQL "));
            assertThat(single(c, "SELECT GROUP_CONCAT(script ORDER BY installed_rank) FROM flyway_schema_history"))
                    .isEqualTo(String.join(",", files));
        }
    }

    @Test
    void appliesFromEmptyThenOnlyNewFiles() throws Exception {
        MysqlEndpoint mysql = newDatabase("fresh");
        write("V001__accounts.sql", "CREATE TABLE accounts (id INT PRIMARY KEY);");
        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).isEqualTo(1);
        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).as("a re-run").isZero();

        write("V002__account_note.sql", "ALTER TABLE accounts ADD COLUMN note VARCHAR(20) NULL;");
        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).isEqualTo(1);
        try (Connection c = mysql.connect()) {
            assertThat(history(c)).containsExactly("SQL 001 accounts true", "SQL 002 account note true");
            assertThat(single(c, "SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'accounts' AND column_name = 'note'")).isEqualTo("1");
        }
    }

    @Test
    void refusesToRunWhileAnAppliedFileHasChanged() throws Exception {
        MysqlEndpoint mysql = newDatabase("edited");
        write("V001__accounts.sql", "CREATE TABLE accounts (id INT PRIMARY KEY);");
        Schema.migrate(mysql, migrations);

        write("V001__accounts.sql", "CREATE TABLE accounts (id BIGINT PRIMARY KEY);");
        write("V002__ledger.sql", "CREATE TABLE ledger (id INT PRIMARY KEY);");
        assertThatThrownBy(() -> Schema.migrate(mysql, migrations))
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch for migration version 001");
        try (Connection c = mysql.connect()) {
            assertThat(history(c)).as("nothing applied").containsExactly("SQL 001 accounts true");
        }
    }

    /** MySQL commits DDL at once: the statements before the error stay, and the next run starts the file over. */
    @Test
    void aFileThatFailedHalfwayRunsAgainFromItsStart() throws Exception {
        MysqlEndpoint mysql = newDatabase("failed");
        write("V001__accounts.sql", "CREATE TABLE IF NOT EXISTS accounts (id INT PRIMARY KEY);\nALTER TABLE no_such_table ADD COLUMN x INT;");
        assertThatThrownBy(() -> Schema.migrate(mysql, migrations)).hasMessageContaining("Failed to execute script V001__accounts.sql");
        assertThatThrownBy(() -> Schema.migrate(mysql, migrations)).as("still broken")
                .hasMessageContaining("Failed to execute script V001__accounts.sql");

        write("V001__accounts.sql", "CREATE TABLE IF NOT EXISTS accounts (id INT PRIMARY KEY);\nALTER TABLE accounts ADD COLUMN x INT;");
        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).isEqualTo(1);
        try (Connection c = mysql.connect()) {
            assertThat(history(c)).containsExactly("SQL 001 accounts true");
        }
    }

    @Test
    void takesOverADatabaseOfTheRunnerBeforeFlywayAtItsVersion() throws Exception {
        MysqlEndpoint mysql = newDatabase("old_runner");
        try (Connection c = mysql.connect(); Statement s = c.createStatement()) {
            // What the old runner left: its files applied and recorded in its own table.
            s.execute("CREATE TABLE accounts (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE ledger (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE schema_version (version INT NOT NULL, name VARCHAR(200) NOT NULL,"
                    + " applied_at DATETIME(3) NOT NULL, PRIMARY KEY (version))");
            s.execute("INSERT INTO schema_version VALUES (1, 'accounts', NOW(3)), (2, 'ledger', NOW(3))");
        }
        write("V001__accounts.sql", "CREATE TABLE accounts (id INT PRIMARY KEY);");
        write("V002__ledger.sql", "CREATE TABLE ledger (id INT PRIMARY KEY);");
        write("V003__transactions.sql", "CREATE TABLE transactions (id INT PRIMARY KEY);");

        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).isEqualTo(1);
        try (Connection c = mysql.connect()) {
            assertThat(history(c)).containsExactly("BASELINE 2 taken over from schema_version true", "SQL 003 transactions true");
            assertThat(tables(c)).containsExactlyInAnyOrder("accounts", "ledger", "transactions", "flyway_schema_history");
        }
        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).as("a re-run").isZero();
    }

    /** docker-compose's MySQL runs the files on a new volume and records nothing. */
    @Test
    void runsEveryFileAgainOnTablesWithoutAnyHistory() throws Exception {
        MysqlEndpoint mysql = newDatabase("no_history");
        try (Connection c = mysql.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id INT PRIMARY KEY)");
        }
        write("V001__accounts.sql", "CREATE TABLE IF NOT EXISTS accounts (id INT PRIMARY KEY);");

        assertThat(Schema.migrate(mysql, migrations).migrationsExecuted).isEqualTo(1);
        try (Connection c = mysql.connect()) {
            assertThat(history(c)).containsExactly("BASELINE 0 taken over without history true", "SQL 001 accounts true");
        }
    }

    /** API.md's ids are case-sensitive; a server's default collation is not. */
    @Test
    void theRepositorysSchemaKeepsIdsThatDifferOnlyInCaseApart() throws Exception {
        try (Connection c = db.endpoint().connect(); Statement s = c.createStatement()) {
            s.execute(ReadModelInserts.LEDGER + "('alice',1,'t','deposit',1,0,1,0,'USD','ACTIVE',0,NULL,NULL,NOW(3)),"
                    + " ('Alice',1,'T','deposit',2,0,2,0,'USD','ACTIVE',0,NULL,NULL,NOW(3))");
            s.execute(ReadModelInserts.TRANSACTIONS + "('t','deposit','APPLIED',2,NULL,'alice',NULL,1,'USD','USD',1,0,1,1,'ACTIVE',NOW(3)),"
                    + " ('T','deposit','APPLIED',2,NULL,'Alice',NULL,2,'USD','USD',2,0,2,1,'ACTIVE',NOW(3))");
            assertThat(single(c, "SELECT balance_after FROM ledger_entries WHERE account_id = 'Alice'")).isEqualTo("2");
            assertThat(single(c, "SELECT COUNT(*) FROM ledger_entries WHERE account_id = 'alice'")).isEqualTo("1");
            assertThat(single(c, "SELECT account_id FROM transactions WHERE tx_id = 'T'")).isEqualTo("Alice");
        }
    }

    private static MysqlEndpoint newDatabase(String name) throws SQLException {
        try (Connection c = db.endpoint().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new MysqlEndpoint("127.0.0.1", db.port(), "root", "", name);
    }

    private void write(String file, String sql) throws Exception {
        Files.writeString(migrations.resolve(file), sql + "\n");
    }

    /** Flyway's record of each step: type, version, description, success. */
    private static List<String> history(Connection c) throws SQLException {
        return rows(c, "SELECT CONCAT_WS(' ', type, version, description, IF(success, 'true', 'false'))"
                + " FROM flyway_schema_history ORDER BY installed_rank");
    }

    private static List<String> tables(Connection c) throws SQLException {
        return rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> rows = rows(c, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
