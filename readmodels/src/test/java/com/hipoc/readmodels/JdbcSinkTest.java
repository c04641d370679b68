package com.hipoc.readmodels;

import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.TransactionRecord;
import com.hipoc.local.EmbeddedMariaDb;
import com.hipoc.streaming.LocalFlink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The MySQL sinks against a real MariaDB: idempotent, version-guarded, patient through an
 * outage, and writing in the background without hiding a failure or outliving a cancel.
 */
@Timeout(120)
class JdbcSinkTest {
    private static final Path MIGRATIONS = Path.of("../sql/migrations");
    /** The rows as the job wrote them, and their place in the table: a replay must not move a row. */
    private static final String LED_ROWS = "SELECT id, " + new LedgerTable().columns()
            + " FROM ledger_entries WHERE account_id = 'led' ORDER BY seq";
    private static Path dataDir;
    private static EmbeddedMariaDb db;
    private static JdbcEndpoint endpoint;

    @BeforeAll
    static void startDatabase() throws Exception {
        dataDir = LocalFlink.storeDir("mariadb");
        db = EmbeddedMariaDb.start(dataDir, 0, MIGRATIONS);
        endpoint = new JdbcEndpoint("jdbc:mysql://127.0.0.1:" + db.port() + "/hipoc?rewriteBatchedStatements=true&useSSL=false",
                "root", "");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    private static <T> void writeAndFlush(JdbcBatchWriter<T> writer, List<T> rows) throws Exception {
        for (T row : rows) {
            writer.write(row, null);
        }
        writer.flush(false);
    }

    private static <T> JdbcBatchWriter<T> writer(JdbcTable<T> table, RowBatch<T> batch, SinkMetrics metrics) {
        return new JdbcBatchWriter<>(endpoint, table, batch, 1000, metrics);
    }

    private static JdbcBatchWriter<Posting> ledger(int batchSize, SinkMetrics metrics) {
        return new JdbcBatchWriter<>(endpoint, new LedgerTable(), new AppendBatch<>(), batchSize, metrics);
    }

    private static List<Posting> entries(String account, int count) {
        List<Posting> entries = new ArrayList<>(count);
        for (int seq = 1; seq <= count; seq++) {
            entries.add(Rows.posting(account, seq, 1));
        }
        return entries;
    }

    private static List<String> rows(String sql) throws SQLException {
        return Tables.rows(endpoint, sql);
    }

    @Test
    void ledgerEntriesAreWrittenOnceAndNeverRewritten() throws Exception {
        Posting oddCounterparty = Rows.posting("led", 3, 100);
        oddCounterparty.entry.counterparty = "tab\tnewline\nbackslash\\N";
        List<Posting> entries = List.of(Rows.posting("led", 1, 100), Rows.posting("led", 2, 100), oddCounterparty);
        try (JdbcBatchWriter<Posting> writer = ledger(1000, Rows.metrics())) {
            writeAndFlush(writer, entries);
            List<String> first = rows(LED_ROWS);
            assertThat(first).hasSize(3);
            assertThat(first.get(0)).endsWith("|led|1|led-tx-1|deposit|100|0|100|1|USD|ACTIVE|0|null|null|2026-09-21 14:13:20.001");
            assertThat(rows("SELECT counterparty FROM ledger_entries WHERE account_id = 'led' AND seq = 3"))
                    .containsExactly(oddCounterparty.entry.counterparty);

            writeAndFlush(writer, entries);
            Posting changed = Rows.posting("led", 2, 999);
            writeAndFlush(writer, List.of(changed));
            assertThat(rows(LED_ROWS)).isEqualTo(first);
        }
    }

    @Test
    void anAccountIsItsNewestLedgerRow() throws Exception {
        try (JdbcBatchWriter<Posting> writer = ledger(1000, Rows.metrics())) {
            writeAndFlush(writer, List.of(Rows.posting("acc", 1, 10), Rows.posting("acc", 2, 10)));
            writeAndFlush(writer, List.of(Rows.posting("acc", 3, 10)));
            assertThat(rows("SELECT currency, balance_after, held_after, overdraft_limit, max_balance, status, seq, created_at"
                    + " FROM ledger_entries WHERE account_id = 'acc' ORDER BY seq DESC LIMIT 1"))
                    .containsExactly("USD|30|3|0|null|ACTIVE|3|2026-09-21 14:13:20.003");
        }
    }

    @Test
    void transactionStatusOnlyMovesForwardAndEachFlushWritesATxIdOnce() throws Exception {
        SinkMetrics metrics = Rows.metrics();
        try (JdbcBatchWriter<TransactionRecord> writer = writer(new TransactionTable(), LatestPerKeyBatch.transactions(),
                metrics)) {
            // A transfer's legs carry its time: both statuses of tx-a in one flush are one write.
            writeAndFlush(writer, List.of(Rows.transfer("tx-a", OutcomeStatus.PENDING, Rows.TS),
                    Rows.transfer("tx-a", OutcomeStatus.COMPLETED, Rows.TS)));
            assertThat(metrics.rowsWritten().getCount()).isEqualTo(1);
            writeAndFlush(writer, List.of(Rows.transfer("tx-b", OutcomeStatus.PENDING, Rows.TS)));
            writeAndFlush(writer, List.of(Rows.transfer("tx-b", OutcomeStatus.FAILED, Rows.TS)));
            assertThat(rows("SELECT tx_id, status FROM transactions WHERE tx_id IN ('tx-a', 'tx-b') ORDER BY tx_id, status_rank"))
                    .as("each status a row of its own").containsExactly("tx-a|COMPLETED", "tx-b|PENDING", "tx-b|FAILED");
            String answers = "SELECT tx_id, status, status_rank, created_at, account_balance, account_version"
                    + Tables.ANSWERING_TRANSACTIONS;
            List<String> decided = rows(answers);
            assertThat(decided).containsExactly("tx-a|COMPLETED|2|2026-09-21 14:13:20|90|2",
                    "tx-b|FAILED|2|2026-09-21 14:13:20|100|3");

            writeAndFlush(writer, List.of(Rows.transfer("tx-a", OutcomeStatus.PENDING, Rows.TS),
                    Rows.transfer("tx-b", OutcomeStatus.PENDING, Rows.TS)));
            writeAndFlush(writer, List.of(Rows.transfer("tx-a", OutcomeStatus.COMPLETED, Rows.TS),
                    Rows.transfer("tx-a", OutcomeStatus.PENDING, Rows.TS)));
            assertThat(metrics.rowsWritten().getCount()).isEqualTo(6);
            assertThat(rows(answers)).as("replayed statuses move nothing back").isEqualTo(decided);
        }
    }

    @Test
    void aDatabaseOutageMidStreamHoldsTheWriterBackAndLosesNothing() throws Exception {
        int total = 20_000;
        SinkMetrics metrics = Rows.metrics();
        JdbcBatchWriter<Posting> writer = ledger(500, metrics);
        OutageStream stream = OutageStream.start(writer, metrics, total, i -> Rows.posting("outage", i + 1, 1));
        int port = db.port();
        db.close();
        Thread.sleep(3_000);
        assertThat(stream.isRunning()).as("the writer waits for the database").isTrue();
        assertThat(metrics.lag().getValue()).as("rows wait, and their lag shows it").isPositive();
        db = EmbeddedMariaDb.start(dataDir, port, MIGRATIONS);
        assertThat(stream.finish(120_000)).isEmpty();
        writer.close();

        assertThat(metrics.retries().getCount()).isPositive();
        assertThat(metrics.rowsWritten().getCount()).isEqualTo(total);
        assertThat(metrics.lag().getValue()).isZero();
        assertThat(rows("SELECT COUNT(*), MIN(seq), MAX(seq) FROM ledger_entries WHERE account_id = 'outage'"))
                .containsExactly(total + "|1|" + total);
    }

    @Test
    void flushReturnsOnlyOnceEveryBatchHandedOverIsInTheStore() throws Exception {
        int total = 20_000;
        SinkMetrics metrics = Rows.metrics();
        try (JdbcBatchWriter<Posting> writer = ledger(100, metrics)) {
            writeAndFlush(writer, entries("flushed", total));
            assertThat(metrics.rowsWritten().getCount()).isEqualTo(total);
            assertThat(rows("SELECT COUNT(*) FROM ledger_entries WHERE account_id = 'flushed'")).containsExactly(
                    Integer.toString(total));
        }
    }

    @Test
    void aBatchWithACoercedValueFailsTheTaskThreadFromThenOnAndWritesNoneOfItsRows() throws Exception {
        Posting tooLong = Rows.posting("failed", 5, 1);
        tooLong.entry.kind = "a kind longer than its column";
        List<Posting> batch = new ArrayList<>(entries("failed", 10));
        batch.set(4, tooLong);
        SinkMetrics metrics = Rows.metrics();
        try (JdbcBatchWriter<Posting> writer = ledger(batch.size(), metrics)) {
            for (Posting entry : batch) {
                writer.write(entry, null);
            }
            assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> writer.write(Rows.posting("failed", 11, 1), null)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class);
        }
        assertThat(metrics.retries().getCount()).isZero();
        assertThat(metrics.rowsWritten().getCount()).isZero();
        assertThat(rows("SELECT COUNT(*) FROM ledger_entries WHERE account_id = 'failed'")).containsExactly("0");
    }

    @Test
    void aCancelStopsAWriterWaitingForAStoreThatIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JdbcEndpoint down = new JdbcEndpoint("jdbc:mysql://127.0.0.1:" + closedPort + "/hipoc", "root", "");
        JdbcTable<Posting> table = new LedgerTable() {
            @Override
            public String name() {
                return "cancelled";
            }
        };
        SinkMetrics metrics = Rows.metrics();
        JdbcBatchWriter<Posting> writer = new JdbcBatchWriter<>(down, table, new AppendBatch<>(), 10, metrics);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread task = new Thread(() -> {
            try {
                writeAndFlush(writer, entries("cancelled", 10));
            } catch (Exception e) {
                failures.add(e);
            }
        });
        task.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> metrics.retries().getCount() > 0);
        task.interrupt();
        task.join();
        writer.close();

        assertThat(failures).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().endsWith(" cancelled"));
    }
}
