package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static com.hipoc.local.MigrationSql.REPO_MIGRATIONS;
import static com.hipoc.local.MigrationSql.connect;
import static com.hipoc.local.MigrationSql.rows;
import static com.hipoc.local.MigrationSql.runAgain;
import static com.hipoc.local.MigrationSql.upgradedTo;
import static org.assertj.core.api.Assertions.assertThat;

/** V004 against a real MariaDB: rows written with the outcome as JSON keep their answer as columns. */
class TransactionsMigrationTest {
    private static final String V004 = "V004__transactions_without_outcome_text.sql";
    private static final String ANSWERS = "SELECT tx_id, status, reason, account_id, account_currency, account_balance,"
            + " account_held, account_available, account_version, account_status, created_at FROM transactions ORDER BY tx_id";

    @Test
    void convertsEachOutcomeIntoItsColumnsAndCanRunAgain(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb db = upgradedTo(V004, dir,
                "INSERT INTO transactions VALUES ('t-1','withdrawal','REJECTED',2,'INSUFFICIENT_FUNDS','alice',NULL,"
                    + "5000,'USD','{\"txId\":\"t-1\",\"type\":\"withdrawal\",\"status\":\"REJECTED\",\"reason\":\"INSUFFICIENT_FUNDS\","
                    + "\"account\":{\"account\":\"alice\",\"currency\":\"EUR\",\"balance\":1000000000000000,\"held\":7,"
                    + "\"available\":999999999999993,\"version\":12,\"status\":\"FROZEN\"},\"acceptedAt\":1795514400123,"
                    + "\"replyPartition\":1,\"requestId\":9,\"replayed\":false}','2026-11-24 10:00:00.123','2026-11-24 10:00:00.123'),"
                    + " ('t-2','deposit','REJECTED',2,'ACCOUNT_NOT_FOUND','bob',NULL,5,'USD','{\"txId\":\"t-2\",\"type\":\"deposit\","
                    + "\"status\":\"REJECTED\",\"reason\":\"ACCOUNT_NOT_FOUND\",\"acceptedAt\":1795514400124}',"
                    + "'2026-11-24 10:00:00.124','2026-11-24 10:00:00.124')");
             Connection c = connect(db); Statement s = c.createStatement()) {
            List<String> converted = rows(s, ANSWERS);
            assertThat(converted).containsExactly(
                    "t-1|REJECTED|INSUFFICIENT_FUNDS|alice|EUR|1000000000000000|7|999999999999993|12|FROZEN|2026-11-24 10:00:00.123",
                    "t-2|REJECTED|ACCOUNT_NOT_FOUND|bob|null|null|null|null|null|null|2026-11-24 10:00:00.124");
            assertThat(rows(s, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'transactions' AND column_name IN ('outcome', 'updated_at')")).isEmpty();

            // Each step checks whether the schema still needs it, so a second run changes nothing.
            runAgain(s, REPO_MIGRATIONS.resolve(V004));
            assertThat(rows(s, ANSWERS)).isEqualTo(converted);
        }
    }
}
