package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static com.hipoc.local.MigrationSql.REPO_MIGRATIONS;
import static com.hipoc.local.MigrationSql.connect;
import static com.hipoc.local.MigrationSql.filesBefore;
import static com.hipoc.local.MigrationSql.rows;
import static com.hipoc.local.MigrationSql.runAgain;
import static com.hipoc.local.MigrationSql.upgradedTo;
import static org.assertj.core.api.Assertions.assertThat;

/** V005 against a real MariaDB: each ledger row gains the account after it, and accounts goes. */
class LedgerAccountsMigrationTest {
    private static final String V005 = "V005__accounts_in_the_ledger.sql";
    private static final String LEDGER = "SELECT account_id, seq, balance_after, held_after, currency, status, overdraft_limit,"
            + " max_balance FROM ledger_entries ORDER BY account_id, seq";

    @Test
    void fillsEachRowWithTheAccountAfterItAndCanRunAgain(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb db = upgradedTo(V005, dir,
                "INSERT INTO accounts VALUES ('alice','USD',70,20,0,NULL,'ACTIVE',4,NOW(3)),"
                    + " ('bob','EUR',5,0,100,1000,'FROZEN',2,NOW(3))",
                "INSERT INTO ledger_entries VALUES ('alice',1,'t1','open',0,0,0,NULL,NOW(3)),"
                    + " ('alice',2,'t2','deposit',100,0,100,NULL,NOW(3)), ('alice',3,'t3','hold',0,30,100,NULL,NOW(3)),"
                    + " ('alice',4,'t3','capture',-30,-10,70,NULL,NOW(3)),"
                    + " ('bob',1,'t4','open',0,0,0,NULL,NOW(3)), ('bob',2,'t5','deposit',5,0,5,NULL,NOW(3))");
             Connection c = connect(db); Statement s = c.createStatement()) {
            List<String> migrated = rows(s, LEDGER);
            assertThat(migrated).containsExactly(
                    "alice|1|0|0|USD|ACTIVE|0|null", "alice|2|100|0|USD|ACTIVE|0|null", "alice|3|100|30|USD|ACTIVE|0|null",
                    "alice|4|70|20|USD|ACTIVE|0|null", "bob|1|0|0|EUR|FROZEN|100|1000", "bob|2|5|0|EUR|FROZEN|100|1000");
            assertThat(accountsTable(s)).isEmpty();

            // Each step checks whether the schema still needs it, so a second run changes nothing; nor does a
            // run of every file again (docker-compose's MySQL), in which V001 makes an empty accounts table first.
            runAgain(s, REPO_MIGRATIONS.resolve(V005));
            assertThat(rows(s, LEDGER)).isEqualTo(migrated);
            for (Path file : filesBefore(V005)) {
                runAgain(s, file);
            }
            runAgain(s, REPO_MIGRATIONS.resolve(V005));
            assertThat(rows(s, LEDGER)).isEqualTo(migrated);
            assertThat(accountsTable(s)).isEmpty();
        }
    }

    private static List<String> accountsTable(Statement s) throws SQLException {
        return rows(s, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'accounts'");
    }
}
