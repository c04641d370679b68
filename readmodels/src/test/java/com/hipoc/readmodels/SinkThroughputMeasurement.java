package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.streaming.LocalFlink;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import com.hipoc.local.EmbeddedMariaDb;
import com.hipoc.local.EmbeddedRedis;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What each read-model sink costs against the embedded MariaDB and Redis, one writer each (one
 * sink subtask): rows per second, and CPU microseconds per row given to the writer, in the store's
 * server process and in this JVM (the writer's threads, its driver, GC). Each sink runs twice on
 * fresh keys and the second run is printed, so the JIT has warmed up. Prints figures, asserts
 * none; not part of the CI suite:
 * <pre>mvn -B -o -pl readmodels -am test -Dtest=SinkThroughputMeasurement -Dhipoc.measure.sinks=200000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * {@code -Dhipoc.measure.batch=N} sets the rows per batch (the job's by default).
 * With {@code -Dhipoc.measure.decideMicros=N} the writing thread also spins N µs per row, as the
 * operators before a sink work between two of its rows: what the background writes can overlap.
 */
@EnabledIfSystemProperty(named = "hipoc.measure.sinks", matches = "\\d+")
class SinkThroughputMeasurement {
    private static final int BATCH = Integer.getInteger("hipoc.measure.batch", Sinks.BATCH_SIZE);
    private static final long DECIDE_NANOS = Long.getLong("hipoc.measure.decideMicros", 0) * 1_000;
    private static EmbeddedMariaDb db;
    private static EmbeddedRedis redis;
    private static HipocConfig config;
    private static StoreCpu stores;
    private final int rows = Integer.parseInt(System.getProperty("hipoc.measure.sinks"));

    @BeforeAll
    static void startStores() throws Exception {
        db = EmbeddedMariaDb.start(LocalFlink.storeDir("mariadb"), 0, Path.of("../sql/migrations"));
        redis = EmbeddedRedis.start(LocalFlink.storeDir("redis"), 0);
        config = HipocConfig.from(Map.of("MYSQL_PORT", Integer.toString(db.port()), "REDIS_PORT", Integer.toString(redis.port())));
        stores = StoreCpu.of(JdbcEndpoint.of(config), RedisEndpoint.of(config));
    }

    @AfterAll
    static void stopStores() throws Exception {
        redis.close();
        db.close();
    }

    @Test
    void measuresEachSink() throws Exception {
        for (String run : new String[] {"warm-up", "measured"}) {
            boolean print = run.equals("measured");
            List<Posting> entries = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                entries.add(Rows.posting(run + "-led-" + i / 10, i % 10 + 1, 100));
            }
            measure(print, "ledger_entries INSERT", StoreCpu::mariadbNanos,
                    jdbc(new LedgerInsert(), new AppendBatch<>()), entries);
            measure(print, "ledger_entries INSERT, replayed", StoreCpu::mariadbNanos,
                    jdbc(new LedgerInsert(), new AppendBatch<>()), entries);
            for (int batch : new int[] {1_000, 10_000}) {
                List<Posting> loaded = new ArrayList<>(rows);
                for (int i = 0; i < rows; i++) {
                    loaded.add(Rows.posting(run + "-load-" + batch + "-" + i / 10, i % 10 + 1, 100));
                }
                measure(print, "ledger_entries LOAD DATA, " + batch + " a batch", StoreCpu::mariadbNanos,
                        jdbc(new LedgerTable(), new AppendBatch<>(), batch), loaded);
                measure(print, "ledger_entries LOAD DATA, replayed", StoreCpu::mariadbNanos,
                        jdbc(new LedgerTable(), new AppendBatch<>(), batch), loaded);
            }

            List<TransactionRecord> pending = new ArrayList<>(rows);
            List<TransactionRecord> completed = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                pending.add(Rows.transfer(run + "-tx-" + i, OutcomeStatus.PENDING, Rows.TS));
                completed.add(Rows.transfer(run + "-tx-" + i, OutcomeStatus.COMPLETED, Rows.TS + 1));
            }
            measure(print, "transactions loaded, new txIds", StoreCpu::mariadbNanos,
                    jdbc(new TransactionTable(), LatestPerKeyBatch.transactions()), pending);
            measure(print, "transactions loaded, COMPLETED after PENDING", StoreCpu::mariadbNanos,
                    jdbc(new TransactionTable(), LatestPerKeyBatch.transactions()), completed);
            List<TransactionRecord> transfers = new ArrayList<>(rows);
            for (int i = 0; i < rows / 2; i++) {
                transfers.add(Rows.transfer(run + "-transfer-" + i, OutcomeStatus.PENDING, Rows.TS));
                transfers.add(Rows.transfer(run + "-transfer-" + i, OutcomeStatus.COMPLETED, Rows.TS));
            }
            measure(print, "transactions, both statuses in one flush", StoreCpu::mariadbNanos,
                    jdbc(new TransactionTable(), LatestPerKeyBatch.transactions()), transfers);

            for (int accounts : new int[] {100_000, 2_000}) {
                List<AccountSnapshot> snapshots = snapshots(run, accounts);
                measure(print, "Redis CAS, " + accounts + " accounts", StoreCpu::redisNanos,
                        metrics -> new RedisAccountWriter(RedisEndpoint.of(config), BATCH, metrics), snapshots);
            }
        }
    }

    /** Snapshots of accounts picked at random, each account's versions rising, as the engine emits them. */
    private List<AccountSnapshot> snapshots(String run, int accounts) {
        Random random = new Random(accounts);
        Map<Integer, Long> versions = new HashMap<>();
        List<AccountSnapshot> snapshots = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int account = random.nextInt(accounts);
            long version = versions.merge(account, 1L, Long::sum);
            snapshots.add(Rows.account(run + "-acct-" + accounts + "-" + account, version, version * 10));
        }
        return snapshots;
    }

    private static <T> WriterFactory<T> jdbc(JdbcTable<T> table, RowBatch<T> batch) {
        return jdbc(table, batch, BATCH);
    }

    private static <T> WriterFactory<T> jdbc(JdbcTable<T> table, RowBatch<T> batch, int batchSize) {
        return metrics -> new JdbcBatchWriter<>(JdbcEndpoint.of(config), table, batch, batchSize, metrics);
    }

    private static <T> void measure(boolean print, String sink, ServerCpu server, WriterFactory<T> factory, List<T> input)
            throws Exception {
        SinkMetrics metrics = Rows.metrics();
        long serverBefore = server.nanos(stores);
        long clientBefore = clientCpuNanos();
        long started = System.nanoTime();
        try (SinkWriter<T> writer = factory.open(metrics)) {
            for (T row : input) {
                decide();
                writer.write(row, null);
            }
            writer.flush(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double serverMicros = (server.nanos(stores) - serverBefore) / 1e3 / input.size();
        double clientMicros = (clientCpuNanos() - clientBefore) / 1e3 / input.size() - DECIDE_NANOS / 1e3;
        long written = metrics.rowsWritten().getCount();
        if (print) {
            System.out.printf("%-42s %8d in, %8d written, %5.2f s: %,9.0f in/s; CPU per row in: server %5.2f µs,"
                    + " client %5.2f µs%n", sink, input.size(), written, seconds, input.size() / seconds, serverMicros,
                    clientMicros);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void decide() {
        long until = System.nanoTime() + DECIDE_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /** The multi-row INSERT that LOAD DATA replaced for the ledger, kept to measure one against the other. */
    private static final class LedgerInsert extends UpsertTable<Posting> {
        LedgerInsert() {
            super("ledger_entries", p -> p.entry.createdAt);
        }

        @Override
        public String sql() {
            return "INSERT INTO ledger_entries (" + new LedgerTable().columns() + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE seq = seq";
        }

        @Override
        public void bind(PreparedStatement s, Posting p) throws SQLException {
            LedgerEntry e = p.entry;
            s.setString(1, e.accountId);
            s.setLong(2, e.seq);
            s.setString(3, e.txId);
            s.setString(4, e.kind);
            s.setLong(5, e.amount);
            s.setLong(6, e.heldDelta);
            s.setLong(7, e.balanceAfter);
            s.setLong(8, p.heldAfter);
            s.setString(9, p.account.currency);
            s.setString(10, p.account.status.name());
            s.setLong(11, p.account.overdraftLimit);
            s.setObject(12, p.account.maxBalance);
            s.setString(13, e.counterparty);
            s.setObject(14, UpsertTable.utc(e.createdAt));
        }
    }

    @FunctionalInterface
    private interface ServerCpu {
        long nanos(StoreCpu stores) throws Exception;
    }

    @FunctionalInterface
    private interface WriterFactory<T> {
        SinkWriter<T> open(SinkMetrics metrics) throws Exception;
    }
}
