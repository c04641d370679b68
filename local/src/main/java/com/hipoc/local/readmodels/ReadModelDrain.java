package com.hipoc.local.readmodels;

import com.hipoc.local.HipocJob;
import redis.clients.jedis.Jedis;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the read models caught up with the engine, then until they stop changing. The read
 * models follow the engine through balance.events and may trail it by many seconds under load,
 * so a check right after a run would report what is merely in flight. Caught up: both jobs have
 * committed the end of their input topics ({@link JobLag}). Quiet: no write for a while, read
 * from the servers' own write counters (InnoDB row writes, Redis's changes since the last save),
 * which cost nothing to read however large the tables are.
 */
public final class ReadModelDrain {
    /** Three checkpoints at the default interval: a sink with data to flush writes within it. */
    static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String MYSQL_WRITES = "SHOW GLOBAL STATUS WHERE Variable_name IN"
            + " ('Innodb_rows_inserted', 'Innodb_rows_updated', 'Innodb_rows_deleted')";

    private ReadModelDrain() {
    }

    /** Returns whether the read models caught up and were then quiet for {@link #QUIET}, all within {@code max}. */
    public static boolean await(ReadModelStores stores, Duration max, PrintStream out) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        return awaitCaughtUp(stores, deadline, max, out) && awaitQuiet(stores, deadline, max, out);
    }

    private static boolean awaitCaughtUp(ReadModelStores stores, long deadline, Duration max, PrintStream out)
            throws InterruptedException {
        try (JobLag lag = new JobLag(stores.kafkaBrokers(), stores.kafkaConsumerGroup())) {
            long lastProgress = System.nanoTime();
            while (true) {
                List<String> behind = behind(lag);
                if (behind.isEmpty()) {
                    return true;
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    out.println("read models: the jobs were still behind after " + max.toMillis() + " ms (" + String.join(", ", behind) + ")");
                    return false;
                }
                if (now - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = now;
                    out.println("read models: waiting for the jobs to catch up: " + String.join(", ", behind));
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the jobs' offsets from Kafka at " + stores.kafkaBrokers(), e.getCause());
        }
    }

    /** One line per job still behind its input topic. */
    private static List<String> behind(JobLag lag) throws ExecutionException, InterruptedException {
        List<String> behind = new ArrayList<>();
        for (HipocJob job : HipocJob.values()) {
            long records = lag.behind(job);
            if (records > 0) {
                behind.add(job + " " + records + " records of " + job.inputTopic() + " behind");
            }
        }
        return behind;
    }

    private static boolean awaitQuiet(ReadModelStores stores, long deadline, Duration max, PrintStream out)
            throws SQLException, InterruptedException {
        try (Connection c = stores.mysql().connect(); Jedis jedis = stores.redis().connect()) {
            String last = writes(c, jedis);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < QUIET.toNanos()) {
                if (System.nanoTime() > deadline) {
                    out.println("read models: still changing after " + max.toMillis() + " ms");
                    return false;
                }
                Thread.sleep(POLL.toMillis());
                String now = writes(c, jedis);
                if (!now.equals(last)) {
                    last = now;
                    quietSince = System.nanoTime();
                }
            }
            return true;
        }
    }

    private static String writes(Connection c, Jedis jedis) throws SQLException {
        StringBuilder counters = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(MYSQL_WRITES)) {
            while (rs.next()) {
                counters.append(rs.getString(2)).append('/');
            }
        }
        return counters.append(redisChanges(jedis)).toString();
    }

    private static String redisChanges(Jedis jedis) {
        return jedis.info("persistence").lines()
                .filter(line -> line.startsWith("rdb_changes_since_last_save:"))
                .findFirst().orElse("");
    }
}
