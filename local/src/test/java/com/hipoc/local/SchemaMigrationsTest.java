package com.hipoc.local;

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

/** The migration runner against a real MariaDB: each file once, a restart applies only new ones. */
class SchemaMigrationsTest {
    private static final Path REPO_MIGRATIONS = Path.of("..", "sql", "migrations");

    @Test
    void appliesEachFileOnceAndOnlyNewFilesAfterARestart(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.copy(REPO_MIGRATIONS.resolve("V001__init.sql"), migrations.resolve("V001__init.sql"));
        Path data = dir.resolve("mariadb");
        String firstApplied;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, 0, migrations);
             Connection c = new MysqlEndpoint("127.0.0.1", db.port(), "root", "", EmbeddedMariaDb.DATABASE).connect()) {
            assertThat(versions(c)).containsExactly("1:init");
            firstApplied = single(c, "SELECT applied_at FROM schema_version WHERE version = 1");
            assertThat(SchemaMigrations.in(migrations).apply(c)).as("nothing new").isEmpty();
            c.createStatement().execute("INSERT INTO accounts VALUES ('a','USD',5,0,0,NULL,'ACTIVE',1,NOW(3))");
        }

        Files.writeString(migrations.resolve("V002__account_note.sql"),
                "-- a later change: the stack applies it on its next start\nALTER TABLE accounts ADD COLUMN note VARCHAR(20) NULL;\n");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data, 0, migrations);
             Connection c = new MysqlEndpoint("127.0.0.1", db.port(), "root", "", EmbeddedMariaDb.DATABASE).connect()) {
            assertThat(versions(c)).containsExactly("1:init", "2:account_note");
            assertThat(single(c, "SELECT applied_at FROM schema_version WHERE version = 1")).isEqualTo(firstApplied);
            assertThat(single(c, "SELECT CONCAT(balance, '/', COALESCE(note, '-')) FROM accounts WHERE account_id = 'a'"))
                    .isEqualTo("5/-");

            Files.writeString(migrations.resolve("V003__broken.sql"), "ALTER TABLE no_such_table ADD COLUMN x INT;\n");
            assertThatThrownBy(() -> SchemaMigrations.in(migrations).apply(c)).hasMessageContaining("V003__broken.sql");
            assertThat(versions(c)).as("a failed file is not recorded").containsExactly("1:init", "2:account_note");
        }
    }

    /** API.md's ids are case-sensitive; a server's default collation is not. */
    @Test
    void theRepositorysSchemaKeepsIdsThatDifferOnlyInCaseApart(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, REPO_MIGRATIONS);
             Connection c = new MysqlEndpoint("127.0.0.1", db.port(), "root", "", EmbeddedMariaDb.DATABASE).connect();
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts VALUES ('alice','USD',1,0,0,NULL,'ACTIVE',1,NOW(3)), ('Alice','USD',2,0,0,NULL,'ACTIVE',1,NOW(3))");
            s.execute("INSERT INTO ledger_entries VALUES ('alice',1,'t','deposit',1,0,1,NULL,NOW(3)), ('Alice',1,'T','deposit',2,0,2,NULL,NOW(3))");
            s.execute("INSERT INTO transactions VALUES ('t','deposit','APPLIED',2,NULL,'alice',NULL,1,'USD','USD',1,0,1,1,'ACTIVE',NOW(3)),"
                    + " ('T','deposit','APPLIED',2,NULL,'Alice',NULL,2,'USD','USD',2,0,2,1,'ACTIVE',NOW(3))");
            assertThat(single(c, "SELECT balance FROM accounts WHERE account_id = 'Alice'")).isEqualTo("2");
            assertThat(single(c, "SELECT COUNT(*) FROM ledger_entries WHERE account_id = 'alice'")).isEqualTo("1");
            assertThat(single(c, "SELECT account_id FROM transactions WHERE tx_id = 'T'")).isEqualTo("Alice");
        }
    }

    @Test
    void refusesTwoFilesWithOneVersion(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V001__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("V1__b.sql"), "SELECT 1;");
        assertThatThrownBy(() -> SchemaMigrations.in(dir)).hasMessageContaining("two migrations with version 1");
    }

    private static List<String> versions(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, name FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
