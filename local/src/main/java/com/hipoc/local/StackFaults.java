package com.hipoc.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults a chaos run injects into a running local stack: crashes (SIGKILL, no grace) after
 * which the part is started again as a supervisor would, and outages of the servers the jobs
 * use. Each fault is two calls, one taking the part down and one bringing it back on the
 * same ports with the same data, so the caller knows when the part was really gone.
 */
public final class StackFaults {
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

    private final FlinkSessionCluster flink;
    private final StackJobs jobs;
    private final EmbeddedKafka kafka;
    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedRedis redis;
    private final IngressProcess ingress;
    private final Leftovers leftovers;

    StackFaults(FlinkSessionCluster flink, StackJobs jobs, EmbeddedKafka kafka, EmbeddedMariaDb mariaDb, EmbeddedRedis redis,
                IngressProcess ingress, Leftovers leftovers) {
        this.flink = flink;
        this.jobs = jobs;
        this.kafka = kafka;
        this.mariaDb = mariaDb;
        this.redis = redis;
        this.ingress = ingress;
        this.leftovers = leftovers;
    }

    /** SIGKILL to the TaskManager: the job stops until {@link #startTaskManager}. */
    public void killTaskManager() throws InterruptedException {
        flink.killTaskManager();
    }

    /** The JobManager restarts the job from its latest checkpoint once the new TaskManager registers. */
    public void startTaskManager() throws IOException {
        flink.startTaskManager();
        leftovers.record();
    }

    /** SIGKILL to JobManager and TaskManager: the cluster and its knowledge of the job are gone. */
    public void killFlink() throws InterruptedException {
        flink.kill();
    }

    /**
     * Starts a fresh cluster and submits each job from its own newest retained checkpoint, as an
     * operator recovering a cluster without HA would. Returns where each job resumed from.
     */
    public String startFlinkFromCheckpoint() throws IOException, InterruptedException {
        flink.startFresh();
        leftovers.record();
        flink.awaitReady(RECOVERY_TIMEOUT);
        List<String> resumed = new ArrayList<>();
        for (HipocJob job : HipocJob.values()) {
            resumed.add(job + " " + jobs.resume(job, RECOVERY_TIMEOUT));
        }
        return String.join("; ", resumed);
    }

    /** A clean shutdown of the broker, as for an operator's restart of a one-node cluster. */
    public void stopKafka() {
        kafka.close();
    }

    public void startKafka() {
        kafka.startBroker();
    }

    public void stopMysql() throws Exception {
        mariaDb.close();
    }

    public void startMysql() throws Exception {
        mariaDb.startAgain();
        leftovers.record();
    }

    public void stopRedis() throws IOException {
        redis.close();
    }

    public void startRedis() throws IOException {
        redis.startAgain();
        leftovers.record();
    }

    /** SIGKILL to the ingress: requests in flight lose their connection. */
    public void killIngress() throws InterruptedException {
        ingress.kill();
    }

    /** Returns once the new ingress is ready. */
    public void startIngress() throws IOException, InterruptedException {
        ingress.startAgain(RECOVERY_TIMEOUT);
        leftovers.record();
    }
}
