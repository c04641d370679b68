package com.hipoc.local;

import com.hipoc.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The whole Hi-PoC stack on this machine: Kafka, MariaDB and Redis (embedded unless the
 * environment points at running ones), a Flink session cluster running balance-engine and
 * read-models, and the ingress. Everything keeps its data under the data dir, so a restart
 * resumes with the same balances and the same state of both jobs.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final LocalOptions options;
    private final Progress progress;
    private final Leftovers leftovers;
    private EmbeddedKafka kafka;
    private CompletableFuture<EmbeddedMariaDb> mariaDb;
    private EmbeddedRedis redis;
    private FlinkSessionCluster flink;
    private StackJobs jobs;
    private IngressProcess ingress;
    private Endpoints endpoints;

    private LocalStack(LocalOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
        this.leftovers = new Leftovers(options.dataDir());
    }

    /** Starts every part and returns once the stack takes requests; on failure stops what started. */
    public static LocalStack start(LocalOptions options, Progress progress) throws Exception {
        LocalStack stack = new LocalStack(options, progress);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        options.repo().requireBuilt();
        requireFree(options.httpPort(), "--http-port");
        requireFree(options.flinkPort(), "--flink-port");
        Path data = options.dataDir();
        Files.createDirectories(options.logDir());
        int stale = leftovers.stopAll();
        if (stale > 0) {
            progress.line("stopped " + stale + " processes left running by a previous launcher of " + data);
        }
        BackingServices services = plan(Endpoints.load(data));
        Map<String, String> jobEnv = new LinkedHashMap<>(services.environment(options.external()));
        // Only for a job submitted without its own directory (see JobDeployment): the root, which
        // neither job resumes from, except balance-engine as the previous layout's place.
        jobEnv.put("CHECKPOINT_DIR", options.stateDirs().checkpointRoot().toUri().toString());

        Progress.Step flinkStep = progress.step("flink");
        flink = FlinkSessionCluster.start(new FlinkSessionCluster.Spec(options.flinkLib(), options.repo().flinkConfig(), data,
                options.flinkPort(), options.parallelism(), jobEnv));
        if (options.external().mysql().isEmpty()) {
            mariaDb = CompletableFuture.supplyAsync(() -> startMariaDb(services.mysql().port()));
        }
        startKafka(services.kafkaBrokers());
        startRedis(services.redis().port());
        Progress.Step mysqlStep = progress.step("mysql");
        if (mariaDb != null) {
            mariaDb.join();
            mysqlStep.done(services.mysql().jdbcUrl() + " (embedded MariaDB, data in " + data.resolve("mariadb") + ")");
        } else {
            mysqlStep.done(services.mysql().jdbcUrl() + " (external, " + migrateExternal(services.mysql()) + ")");
        }
        flink.awaitReady(START_TIMEOUT);
        flinkStep.done(flink.rest().url() + " (jobmanager and taskmanager JVMs, logs in " + options.logDir() + ")");

        Progress.Step ingressStep = progress.step("ingress");
        ingress = IngressProcess.start(options.repo().ingressJar(), options.httpPort(), services.environment(options.external()),
                options.external().hmacConfigured(), data);

        jobs = new StackJobs(options, flink.rest());
        for (HipocJob job : HipocJob.values()) {
            Progress.Step jobStep = progress.step(job.jobName());
            jobStep.done(jobs.resume(job, START_TIMEOUT));
        }

        ingress.awaitReady(START_TIMEOUT);
        ingressStep.done(ingress.url());
        if (!options.external().hmacConfigured() && !options.warmupLimit().isZero()) {
            Progress.Step warmupStep = progress.step("warm-up");
            warmupStep.done(new Warmup(ingress.url(), progress, options.warmupLimit()).run());
        }

        endpoints = new Endpoints(services, ingress.url(), flink.rest().url());
        endpoints.store(data);
        leftovers.record();
    }

    private static void requireFree(int port, String option) {
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("port " + port + " is in use; choose another with " + option);
        }
    }

    /** Endpoints of the services, reusing last run's ports when they are free so the stack looks the same. */
    private BackingServices plan(Optional<Endpoints> previous) {
        ExternalServices external = options.external();
        String kafkaBrokers = external.kafkaBrokers().orElseGet(() -> "127.0.0.1:"
                + FreePort.preferred(previous.map(p -> port(p.services().kafkaBrokers())).orElse(0)));
        MysqlEndpoint mysql = external.mysql().orElseGet(() -> new MysqlEndpoint("127.0.0.1",
                FreePort.preferred(previous.map(p -> p.services().mysql().port()).orElse(0)), "root", "", EmbeddedMariaDb.DATABASE));
        RedisAddress redis = external.redis().orElseGet(() -> new RedisAddress("127.0.0.1",
                FreePort.preferred(previous.map(p -> p.services().redis().port()).orElse(0))));
        return new BackingServices(kafkaBrokers, mysql, redis);
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    private void startKafka(String brokers) throws IOException {
        Progress.Step step = progress.step("kafka");
        String mode = "external";
        if (options.external().kafkaBrokers().isEmpty()) {
            kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"), port(brokers));
            mode = "embedded, log in " + options.dataDir().resolve("kafka");
        }
        ExternalServices layout = options.external();
        EmbeddedKafka.createTopics(brokers, List.of(
                topic(Topics.COMMANDS, layout.commandPartitions()),
                topic(Topics.RESULTS, layout.resultPartitions()),
                // Kept for ever: the read models can be rebuilt from it only while it holds every event.
                topic(Topics.EVENTS, layout.commandPartitions()).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                topic(Topics.DEAD_LETTERS, 1)));
        step.done(brokers + " (" + mode + ")");
    }

    private static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1);
    }

    private void startRedis(int port) throws IOException {
        Progress.Step step = progress.step("redis");
        if (options.external().redis().isPresent()) {
            step.done(options.external().redis().get() + " (external)");
            return;
        }
        redis = EmbeddedRedis.start(options.dataDir().resolve("redis"), port, options.readStorePriority());
        step.done("127.0.0.1:" + port + " (embedded, data in " + options.dataDir().resolve("redis") + ")");
    }

    private EmbeddedMariaDb startMariaDb(int port) {
        try {
            return EmbeddedMariaDb.start(options.dataDir().resolve("mariadb"), port, options.repo().migrations(),
                    options.readStorePriority());
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB did not start; see " + options.logDir().resolve("launcher.log"), e);
        }
    }

    /** The database is the operator's, so only the schema is ours to bring up to date. */
    private String migrateExternal(MysqlEndpoint mysql) throws SQLException {
        MigrateResult result = Schema.migrate(mysql, options.repo().migrations());
        return result.migrationsExecuted == 0 ? "schema up to date"
                : "applied " + result.migrations.stream().map(m -> "V" + m.version + " " + m.description).toList();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /**
     * Stops the processes a launcher of {@code dataDir} left running when it was killed without
     * a chance to stop them; returns how many. A start does this itself, unless the data dir is
     * wiped first.
     */
    public static int stopLeftovers(Path dataDir) throws IOException, InterruptedException {
        return new Leftovers(dataDir).stopAll();
    }

    /** The TaskManager's JVM, for a look inside it with the JDK's tools (jcmd). */
    public ProcessHandle taskManager() {
        return flink.taskManager();
    }

    /** Crashes and outages to inject into this running stack; every service must be embedded. */
    public StackFaults faults() {
        if (kafka == null || mariaDb == null || redis == null) {
            throw new IllegalStateException("fault injection needs embedded Kafka, MariaDB and Redis, not external ones");
        }
        return new StackFaults(flink, jobs, kafka, mariaDb.join(), redis, ingress, leftovers);
    }

    /** Where this stack keeps its data and {@link Endpoints#FILE}. */
    public Path dataDir() {
        return options.dataDir();
    }

    /**
     * Stops each job with a savepoint first, so the next start resumes from exactly this state,
     * then the ingress, the TaskManager and JobManager, Redis, MariaDB and Kafka.
     */
    @Override
    public void close() {
        // A stop requested by a signal may have interrupted start-up; the shutdown must still wait.
        Thread.interrupted();
        if (jobs != null) {
            for (HipocJob job : HipocJob.values()) {
                stop(job.jobName(), () -> jobs.stop(job));
            }
        }
        stop("ingress", ingress);
        stop("flink", flink);
        stop("redis", redis);
        if (mariaDb != null) {
            stop("mariadb", mariaDb.exceptionally(e -> null).join());
        }
        stop("kafka", kafka);
        try {
            leftovers.clear();
        } catch (IOException e) {
            progress.line("cannot delete the pid file: " + e);
        }
    }

    private void stop(String part, AutoCloseable started) {
        if (started != null) {
            stop(part, () -> {
                started.close();
                return "stopped";
            });
        }
    }

    private void stop(String part, Action action) {
        Progress.Step step = progress.step("stop " + part);
        try {
            step.done(action.run());
        } catch (Exception e) {
            step.done("FAILED: " + e);
        }
    }

    @FunctionalInterface
    private interface Action {
        String run() throws Exception;
    }
}
