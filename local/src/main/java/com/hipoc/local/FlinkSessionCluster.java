package com.hipoc.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flink session cluster as on a real deployment, started from the Flink runtime jars: a
 * JobManager (StandaloneSessionClusterEntrypoint, with the web UI and REST API) and one
 * TaskManager (TaskManagerRunner), each its own JVM, both configured from the production
 * config.yaml with local overrides.
 */
public final class FlinkSessionCluster implements AutoCloseable {
    private static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String JAVA_OPTS_KEY = "env.java.opts.all";
    private static final String SHM_ROCKSDB_PREFIX = "hipoc-rocksdb-";

    private final Spec spec;
    private final FlinkRest rest;
    private ChildProcess jobManager;
    private ChildProcess taskManager;

    /**
     * What a cluster needs: its jars, the production config, where it keeps files, its ports, and
     * the parallelism its jobs run at.
     */
    public record Spec(Path flinkLib, Path configTemplate, Path dataDir, int restPort, int parallelism,
                       Map<String, String> jobManagerEnv) {
        /** Every Hi-PoC job at once at the default parallelism: a job's tasks share slots, two jobs do not. */
        int slots() {
            return parallelism * HipocJob.values().length;
        }

        Path flinkDir() {
            return dataDir.resolve("flink");
        }

        Path configDir() {
            return flinkDir().resolve("conf");
        }

        Path tmpDir() {
            return flinkDir().resolve("tmp");
        }

        Path logDir() {
            return dataDir.resolve("logs");
        }

        /**
         * RocksDB's working files, one directory per data dir, in memory (/dev/shm) where the
         * machine has it: every checkpoint flushes RocksDB's memtable while decisions wait, and
         * on disk the fsyncs of that flush made it the engine's longest pause (BENCHMARKS.md).
         * They need no durability: each checkpoint copies them into the data dir.
         */
        Path rocksDbDir() {
            Path shm = Path.of("/dev/shm");
            if (!Files.isDirectory(shm) || !Files.isWritable(shm)) {
                return tmpDir().resolve("rocksdb");
            }
            return shm.resolve(SHM_ROCKSDB_PREFIX + Integer.toHexString(dataDir.toAbsolutePath().normalize().hashCode()));
        }

        String classpath() {
            return flinkLib.resolve("*").toString();
        }
    }

    private FlinkSessionCluster(Spec spec) {
        this.spec = spec;
        this.rest = new FlinkRest("http://127.0.0.1:" + spec.restPort());
    }

    /** Starts both processes without waiting for them; see {@link #awaitReady}. */
    public static FlinkSessionCluster start(Spec spec) throws IOException, InterruptedException {
        if (!Files.isDirectory(spec.flinkLib())) {
            throw new IllegalStateException("no Flink runtime jars in " + spec.flinkLib());
        }
        FlinkSessionCluster cluster = new FlinkSessionCluster(spec);
        cluster.startProcesses();
        return cluster;
    }

    private void startProcesses() throws IOException, InterruptedException {
        writeConfig(spec);
        FlinkResourceParams jmParams = FlinkResourceParams.compute(FlinkResourceParams.Role.JOB_MANAGER, spec.classpath(), spec.configDir());
        jobManager = startProcess(spec, "jobmanager", JOB_MANAGER_MAIN, jmParams, spec.jobManagerEnv());
        try {
            FlinkResourceParams tmParams = FlinkResourceParams.compute(FlinkResourceParams.Role.TASK_MANAGER, spec.classpath(), spec.configDir());
            RocksDbWorkDirs.removeOrphans(spec.rocksDbDir(), SHM_ROCKSDB_PREFIX);
            RocksDbWorkDirs.clear(spec.rocksDbDir());
            taskManager = startProcess(spec, "taskmanager", TASK_MANAGER_MAIN, tmParams, Map.of());
            RocksDbWorkDirs.own(spec.rocksDbDir(), taskManager.handle());
        } catch (IOException | RuntimeException e) {
            jobManager.close();
            throw e;
        }
    }

    ProcessHandle taskManager() {
        return taskManager.handle();
    }

    /** SIGKILL to the TaskManager; see {@link #startTaskManager}. */
    public void killTaskManager() throws InterruptedException {
        taskManager.kill();
    }

    /**
     * A new TaskManager, as a supervisor restarts a crashed worker. The JobManager restarts the
     * job on it from the latest checkpoint.
     */
    public void startTaskManager() throws IOException {
        // What the TaskManager that is gone left there: the new one restores from checkpoints.
        RocksDbWorkDirs.clear(spec.rocksDbDir());
        taskManager = taskManager.startAgain();
        RocksDbWorkDirs.own(spec.rocksDbDir(), taskManager.handle());
    }

    /** SIGKILL to the JobManager and TaskManager together; see {@link #startFresh}. */
    public void kill() throws InterruptedException {
        taskManager.kill();
        jobManager.kill();
    }

    /**
     * A fresh cluster on the same REST port after {@link #kill}. Without HA the new JobManager
     * knows no job: the caller submits it again from the newest retained checkpoint.
     */
    public void startFresh() throws IOException, InterruptedException {
        startProcesses();
    }

    private static void writeConfig(Spec spec) throws IOException {
        Files.createDirectories(spec.tmpDir());
        Path data = spec.dataDir();
        Map<String, String> local = new LinkedHashMap<>();
        local.put("jobmanager.rpc.address", "127.0.0.1");
        local.put("jobmanager.rpc.port", Integer.toString(FreePort.find()));
        local.put("jobmanager.bind-host", "127.0.0.1");
        local.put("taskmanager.bind-host", "127.0.0.1");
        local.put("taskmanager.host", "127.0.0.1");
        local.put("rest.address", "127.0.0.1");
        local.put("rest.bind-address", "127.0.0.1");
        local.put("rest.port", Integer.toString(spec.restPort()));
        // Two shared cores run Kafka, MariaDB, Redis and the ingress too: 1 GB JobManager,
        // 2.5 GB TaskManager. Its managed memory (RocksDB) is split evenly between the slots,
        // half of them the read models', which keep no keyed state: the engine's half, about
        // 410 MB, is close to the 435 MB it had alone in the 1.5 GB of a one-job cluster.
        local.put("jobmanager.memory.process.size", "1024m");
        local.put("taskmanager.memory.process.size", "2560m");
        local.put("taskmanager.numberOfTaskSlots", Integer.toString(spec.slots()));
        local.put("parallelism.default", Integer.toString(spec.parallelism()));
        JobStateDirs stateDirs = JobStateDirs.in(data);
        local.put(JobDeployment.CHECKPOINT_DIR_OPTION, stateDirs.checkpointRoot().toUri().toString());
        local.put("execution.checkpointing.savepoint-dir", stateDirs.savepointRoot().toUri().toString());
        local.put("io.tmp.dirs", spec.tmpDir().toString());
        local.put("web.tmpdir", spec.tmpDir().toString());
        local.put("blob.storage.directory", spec.tmpDir().toString());
        local.put("state.backend.rocksdb.localdir", spec.rocksDbDir().toString());
        local.put("heartbeat.interval", "2000");
        local.put("heartbeat.timeout", "10000");
        // The Prometheus reporter can only bind 0.0.0.0, and a local stack binds loopback only;
        // the web UI shows the same metrics.
        FlinkConfigFile.write(spec.configTemplate(), spec.configDir().resolve("config.yaml"), local, List.of("metrics.reporter."));
        try (InputStream log4j = FlinkSessionCluster.class.getResourceAsStream("/flink-log4j.properties")) {
            Files.copy(log4j, spec.configDir().resolve("log4j.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ChildProcess startProcess(Spec spec, String name, String mainClass, FlinkResourceParams params,
                                             Map<String, String> env) throws IOException {
        Path configDir = spec.configDir();
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(params.jvmFlags());
        // The entry points do not read env.java.opts.all themselves; Flink's scripts pass it.
        FlinkConfigFile.value(configDir.resolve("config.yaml"), JAVA_OPTS_KEY)
                .ifPresent(opts -> command.addAll(Arrays.asList(opts.split("\\s+"))));
        command.add("-Djava.io.tmpdir=" + spec.tmpDir());
        command.add("-Dlog.file=" + spec.logDir().resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + configDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(spec.classpath());
        command.add(mainClass);
        command.add("--configDir");
        command.add(configDir.toString());
        command.addAll(params.dynamicProperties());
        return ChildProcess.start(name, command, env, spec.logDir().resolve(name + ".out"));
    }

    /** Waits until the REST API answers and the TaskManager has registered its slots. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Await.until("the Flink JobManager and TaskManager", timeout, () -> {
            jobManager.requireAlive();
            taskManager.requireAlive();
            try {
                return rest.totalSlots() >= spec.slots();
            } catch (FlinkRest.FlinkRestException e) {
                // A JobManager whose REST server is up before its dispatcher answers 503: not up yet.
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    public FlinkRest rest() {
        return rest;
    }

    /** TaskManager first, so the JobManager does not spend its last seconds restarting the job. */
    @Override
    public void close() throws InterruptedException, IOException {
        try {
            taskManager.close();
            DirectoryTree.delete(spec.rocksDbDir());
        } finally {
            jobManager.close();
        }
    }
}
