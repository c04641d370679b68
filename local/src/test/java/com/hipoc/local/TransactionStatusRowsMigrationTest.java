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

/** V007 against a real MariaDB: a txId's statuses as rows of their own, each status rank once. */
class TransactionStatusRowsMigrationTest {
    private static final String V007 = "V007__transaction_statuses_as_rows.sql";
    private static final String TRANSACTIONS = "SELECT id, tx_id, status, status_rank FROM transactions ORDER BY id";
    private static final String INDEXES = "SELECT index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index), non_unique"
            + " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'transactions'"
            + " GROUP BY index_name, non_unique ORDER BY index_name";
    private static final List<String> KEYS = List.of("PRIMARY|id|0", "transaction_by_status|tx_id,status_rank|0");
    /** What GET /v1/transactions/{txId} reads. */
    private static final String ANSWER = "SELECT status FROM transactions WHERE tx_id = 't2' ORDER BY status_rank DESC LIMIT 1";

    @Test
    void keysEachStatusOfATxIdOnceAndTheRowsThereKeepAnswering(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb db = upgradedTo(V007, dir,
                ReadModelInserts.TRANSACTIONS + "('t3','deposit','APPLIED',2,NULL,'bob',NULL,5,'EUR','EUR',5,0,5,1,'ACTIVE',NOW(3)),"
                        + " ('t2','transfer','PENDING',1,NULL,'alice','bob',100,'USD','USD',100,0,100,2,'ACTIVE',NOW(3))");
             Connection c = connect(db); Statement s = c.createStatement()) {
            List<String> transactions = rows(s, TRANSACTIONS);
            assertThat(transactions).containsExactly("1|t3|APPLIED|2", "2|t2|PENDING|1");
            assertThat(rows(s, INDEXES)).isEqualTo(KEYS);
            assertThat(rows(s, ANSWER)).containsExactly("PENDING");

            // A second run changes nothing; nor does a run of every file again (docker-compose's MySQL).
            runAllAgain(s, V007);
            assertThat(rows(s, TRANSACTIONS)).isEqualTo(transactions);
            assertThat(rows(s, INDEXES)).isEqualTo(KEYS);

            s.execute(ReadModelInserts.TRANSACTIONS
                    + "('t2','transfer','COMPLETED',2,NULL,'alice','bob',100,'USD','USD',100,0,100,2,'ACTIVE',NOW(3))");
            assertThat(rows(s, ANSWER)).as("the final status answers").containsExactly("COMPLETED");
            assertThatThrownBy(() -> s.execute(ReadModelInserts.TRANSACTIONS
                    + "('t2','transfer','PENDING',1,NULL,'alice','bob',100,'USD','USD',100,0,100,2,'ACTIVE',NOW(3))"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            assertThat(rows(s, "EXPLAIN " + ANSWER)).singleElement().asString().contains("transaction_by_status");
        }
    }
}
