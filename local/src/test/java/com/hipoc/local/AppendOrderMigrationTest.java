package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;

import static com.hipoc.local.MigrationSql.connect;
import static com.hipoc.local.MigrationSql.rows;
import static com.hipoc.local.MigrationSql.runAllAgain;
import static com.hipoc.local.MigrationSql.upgradedTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V006 against a real MariaDB: both tables stored in the order they are written, found by their old keys. */
class AppendOrderMigrationTest {
    private static final String V006 = "V006__read_models_in_append_order.sql";
    private static final String LEDGER = "SELECT id, account_id, seq, tx_id, balance_after FROM ledger_entries ORDER BY id";
    private static final String TRANSACTIONS = "SELECT id, tx_id, status, account_balance FROM transactions ORDER BY id";
    private static final String INDEXES = "SELECT table_name, index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index),"
            + " non_unique FROM information_schema.statistics WHERE table_schema = DATABASE()"
            + " AND table_name IN ('ledger_entries', 'transactions') GROUP BY table_name, index_name, non_unique"
            + " ORDER BY table_name, index_name";
    private static final List<String> KEYS = List.of("ledger_entries|ledger_by_account|account_id,seq|0",
            "ledger_entries|PRIMARY|id|0", "transactions|PRIMARY|id|0", "transactions|transaction_by_tx|tx_id|0");

    @Test
    void numbersTheRowsThereAppendsNewOnesAndKeepsTheOldKeysUnique(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb db = upgradedTo(V006, dir,
                ReadModelInserts.LEDGER + "('bob',1,'t3','deposit',5,0,5,0,'EUR','ACTIVE',0,NULL,NULL,NOW(3)),"
                        + " ('alice',2,'t2','deposit',100,0,100,0,'USD','ACTIVE',0,NULL,NULL,NOW(3)),"
                        + " ('alice',1,'t1','open',0,0,0,0,'USD','ACTIVE',0,NULL,NULL,NOW(3))",
                ReadModelInserts.TRANSACTIONS + "('t3','deposit','APPLIED',2,NULL,'bob',NULL,5,'EUR','EUR',5,0,5,1,'ACTIVE',NOW(3)),"
                        + " ('t2','transfer','PENDING',1,NULL,'alice','bob',100,'USD','USD',100,0,100,2,'ACTIVE',NOW(3))");
             Connection c = connect(db); Statement s = c.createStatement()) {
            List<String> ledger = rows(s, LEDGER);
            List<String> transactions = rows(s, TRANSACTIONS);
            assertThat(ledger).as("numbered in (account_id, seq) order")
                    .containsExactly("1|alice|1|t1|0", "2|alice|2|t2|100", "3|bob|1|t3|5");
            assertThat(transactions).as("numbered in tx_id order").containsExactly("1|t2|PENDING|100", "2|t3|APPLIED|5");
            assertThat(rows(s, INDEXES)).isEqualTo(KEYS);

            // Each step checks whether the schema still needs it, so a second run changes nothing; nor does
            // a run of every file again (docker-compose's MySQL).
            runAllAgain(s, V006);
            assertThat(rows(s, LEDGER)).isEqualTo(ledger);
            assertThat(rows(s, TRANSACTIONS)).isEqualTo(transactions);
            assertThat(rows(s, INDEXES)).isEqualTo(KEYS);

            s.execute(ReadModelInserts.LEDGER + "('alice',3,'t4','deposit',1,0,101,0,'USD','ACTIVE',0,NULL,NULL,NOW(3))");
            assertThat(rows(s, LEDGER)).last().isEqualTo("4|alice|3|t4|101");
            assertThatThrownBy(() -> s.execute(ReadModelInserts.LEDGER + "('bob',1,'t5','deposit',9,0,14,0,'EUR','ACTIVE',0,NULL,NULL,NOW(3))"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            assertThatThrownBy(() -> s.execute(ReadModelInserts.TRANSACTIONS
                    + "('t3','deposit','APPLIED',2,NULL,'bob',NULL,9,'EUR','EUR',14,0,14,2,'ACTIVE',NOW(3))"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            assertThat(rows(s, "EXPLAIN SELECT balance_after FROM ledger_entries WHERE account_id = 'alice'"
                    + " ORDER BY seq DESC LIMIT 1")).singleElement().asString().contains("ledger_by_account");
            assertThat(rows(s, "EXPLAIN SELECT status FROM transactions WHERE tx_id = 't2'"))
                    .singleElement().asString().contains("transaction_by_tx");
        }
    }
}
