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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Rows per second each read-model sink sustains against the embedded MariaDB and Redis, batches
 * of 1000, one writer each (one sink subtask). Prints figures, asserts none; not part of the CI
 * suite:
 * <pre>mvn -B -o -pl job test -Dtest=SinkThroughputMeasurement -Dhipoc.measure.sinks=200000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * With {@code -Dhipoc.measure.decideMicros=N} the writing thread also spins N µs per row, as the
 * processor decides between two rows of its chained sinks: what the background writes can overlap.
 */
@EnabledIfSystemProperty(named = "hipoc.measure.sinks", matches = "\\d+")
class SinkThroughputMeasurement {
    private static final int BATCH = 1000;
    private static final long DECIDE_NANOS = Long.getLong("hipoc.measure.decideMicros", 0) * 1_000;
    private static EmbeddedMariaDb db;
    private static EmbeddedRedis redis;
    private static HipocConfig config;
    private final int rows = Integer.parseInt(System.getProperty("hipoc.measure.sinks"));

    @BeforeAll
    static void startStores() throws Exception {
        db = EmbeddedMariaDb.start(LocalFlink.storeDir("mariadb"), 0, Path.of("../sql/migrations"));
        redis = EmbeddedRedis.start(LocalFlink.storeDir("redis"), 0);
        config = HipocConfig.from(Map.of("MYSQL_PORT", Integer.toString(db.port()), "REDIS_PORT", Integer.toString(redis.port())));
    }

    @AfterAll
    static void stopStores() throws Exception {
        redis.close();
        db.close();
    }

    @Test
    void measuresEachSink() throws Exception {
        List<LedgerEntry> entries = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            entries.add(Rows.entry("led-" + i / 10, i % 10 + 1, 100));
        }
        measure("ledger_entries INSERT", jdbc(new LedgerTable(), new AppendBatch<>()), entries);

        List<TransactionRecord> pending = new ArrayList<>(rows);
        List<TransactionRecord> completed = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            pending.add(Rows.transfer("tx-" + i, OutcomeStatus.PENDING, Rows.TS));
            completed.add(Rows.transfer("tx-" + i, OutcomeStatus.COMPLETED, Rows.TS + 1));
        }
        measure("transactions upsert, new txIds", jdbc(new TransactionTable(), new AppendBatch<>()), pending);
        measure("transactions upsert, PENDING -> COMPLETED", jdbc(new TransactionTable(), new AppendBatch<>()), completed);

        for (int accounts : new int[] {100_000, 2_000}) {
            List<AccountSnapshot> snapshots = snapshots(accounts);
            measure("accounts upsert, " + accounts + " accounts", jdbc(new AccountTable(), new NewestAccountBatch()), snapshots);
            measure("Redis CAS, " + accounts + " accounts", (counters) -> new RedisAccountWriter(RedisEndpoint.of(config), BATCH, counters),
                    snapshots);
        }
    }

    /** Snapshots of accounts picked at random, each account's versions rising, as the engine emits them. */
    private List<AccountSnapshot> snapshots(int accounts) {
        Random random = new Random(accounts);
        Map<Integer, Long> versions = new HashMap<>();
        List<AccountSnapshot> snapshots = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int account = random.nextInt(accounts);
            long version = versions.merge(account, 1L, Long::sum);
            snapshots.add(Rows.account("acct-" + accounts + "-" + account, version, version * 10));
        }
        return snapshots;
    }

    private static <T> WriterFactory<T> jdbc(JdbcTable<T> table, RowBatch<T> batch) {
        return counters -> new JdbcBatchWriter<>(JdbcEndpoint.of(config), table, batch, BATCH, counters);
    }

    private static <T> void measure(String sink, WriterFactory<T> factory, List<T> input) throws Exception {
        SinkCounters counters = Rows.counters();
        long started = System.nanoTime();
        try (SinkWriter<T> writer = factory.open(counters)) {
            for (T row : input) {
                decide();
                writer.write(row, null);
            }
            writer.flush(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long written = counters.rowsWritten().getCount();
        System.out.printf("%-45s %8d in, %8d written, %5.2f s: %,9.0f in/s, %,9.0f written/s%n",
                sink, input.size(), written, seconds, input.size() / seconds, written / seconds);
    }

    private static void decide() {
        long until = System.nanoTime() + DECIDE_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @FunctionalInterface
    private interface WriterFactory<T> {
        SinkWriter<T> open(SinkCounters counters) throws Exception;
    }
}
