package com.hipoc.local.readmodels;

import com.hipoc.local.FlinkRest;
import com.hipoc.local.HipocJob;
import com.hipoc.local.JobDeployment;
import com.hipoc.local.JobStateDirs;
import com.hipoc.local.Progress;
import com.hipoc.events.AccountHash;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * MySQL's and Redis's read models rebuilt from balance.events, their only input: the read-models
 * job is cancelled, everything it wrote and everything that would let it resume (its consumer
 * group's offsets, its savepoints and checkpoints) is deleted, and a fresh job reads the topic
 * from its first offset. The engine keeps deciding meanwhile; reads answer from whatever has been
 * rebuilt so far.
 */
final class ReadModelRebuild {
    /** What the read-models job writes in MySQL; flyway_schema_history is the schema's, not a read model. */
    private static final List<String> TABLES = List.of("ledger_entries", "transactions");
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final int REDIS_BATCH = 1000;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final FlinkRest rest;
    private final ReadModelStores stores;
    private final JobStateDirs stateDirs;
    private final Progress progress;

    ReadModelRebuild(FlinkRest rest, ReadModelStores stores, JobStateDirs stateDirs, Progress progress) {
        this.rest = rest;
        this.stores = stores;
        this.stateDirs = stateDirs;
        this.progress = progress;
    }

    /** Runs every step, each with its timed line; returns once the fresh job runs. */
    void run(Path jar) throws Exception {
        HipocJob job = HipocJob.READ_MODELS;
        Progress.Step cancel = progress.step("cancel " + job);
        Optional<JobDeployment> running = JobDeployment.active(rest, job);
        if (running.isPresent()) {
            running.get().cancel();
        }
        cancel.done(running.map(r -> "canceled " + r.jobId()).orElse("was not running"));

        Progress.Step forget = progress.step("restore points");
        stateDirs.forget(job);
        forget.done("deleted " + stateDirs.savepoints(job) + " and " + stateDirs.checkpoints(job));

        Progress.Step offsets = progress.step("kafka offsets");
        offsets.done(deleteOffsets(job.consumerGroup(stores.kafkaConsumerGroup())));

        Progress.Step mysql = progress.step("mysql");
        emptyTables();
        mysql.done("emptied " + String.join(", ", TABLES));

        Progress.Step redis = progress.step("redis");
        redis.done("deleted " + deleteAccountHashes() + " account hashes");

        Progress.Step start = progress.step(job.jobName());
        JobDeployment fresh = JobDeployment.submit(rest, job, jar, OptionalInt.empty(), Optional.empty(), JOB_TIMEOUT);
        start.done("RUNNING as " + fresh.jobId() + ", fresh state, reading " + job.inputTopic() + " from its first offset");
    }

    /** Without committed offsets the job's source starts at the topic's first offset. */
    private String deleteOffsets(String group) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stores.kafkaBrokers()))) {
            admin.deleteConsumerGroups(List.of(group)).all().get();
            return "deleted consumer group " + group;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return "consumer group " + group + " had no offsets";
            }
            throw new IllegalStateException("cannot delete consumer group " + group + " at " + stores.kafkaBrokers(), e.getCause());
        }
    }

    private void emptyTables() throws SQLException {
        try (Connection c = stores.mysql().connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("TRUNCATE TABLE " + table);
            }
        }
    }

    /** Only the account hashes: the Redis may hold other keys that are not the read models'. */
    private long deleteAccountHashes() {
        ScanParams accounts = new ScanParams().match(AccountHash.key("*")).count(REDIS_BATCH);
        long deleted = 0;
        long lastProgress = System.nanoTime();
        try (Jedis jedis = stores.redis().connect()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, accounts);
                if (!page.getResult().isEmpty()) {
                    deleted += jedis.unlink(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = System.nanoTime();
                    progress.line("redis: " + deleted + " account hashes deleted so far");
                }
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return deleted;
    }
}
