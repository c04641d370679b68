package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the balance-engine jar on a session cluster through REST, as an operator would, resuming
 * from the newest savepoint or retained checkpoint in the data dir; and stops it with a
 * savepoint so the next start resumes exactly where this one stopped.
 */
public final class BalanceEngineDeployment {
    public static final String JOB_NAME = "balance-engine";

    private final FlinkRest rest;
    private final String jobId;

    private BalanceEngineDeployment(FlinkRest rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
    }

    /**
     * Uploads and runs the jar with no program arguments: the job reads its settings (Kafka,
     * MySQL, Redis, checkpoint dir) from the JobManager's environment, so a job started again on
     * the same cluster, by an upgrade or the web UI, gets exactly the same settings.
     */
    public static BalanceEngineDeployment submit(FlinkRest rest, Path jobJar, OptionalInt parallelism,
                                                 Optional<RestorePoint> restore, Duration timeout)
            throws IOException, InterruptedException {
        String jarId = rest.uploadJar(jobJar);
        String jobId = rest.runJar(jarId, List.of(), parallelism, restore);
        Await.until("job " + JOB_NAME + " to run", timeout, () -> {
            FlinkRest.JobState state = rest.jobState(jobId);
            if (state.state().equals("FAILED") || state.state().equals("CANCELED")) {
                throw new IllegalStateException(JOB_NAME + " is " + state.state() + "; see the web UI's exceptions tab");
            }
            return state.running();
        });
        return new BalanceEngineDeployment(rest, jobId);
    }

    /**
     * The balance-engine job active on the cluster, whoever started it (the launcher, an
     * upgrade, the web UI); empty when none is. Two at once would decide every command twice,
     * so that is an error for the operator to resolve.
     */
    public static Optional<BalanceEngineDeployment> active(FlinkRest rest) throws IOException, InterruptedException {
        List<String> ids = rest.activeJobs(JOB_NAME);
        if (ids.size() > 1) {
            throw new IllegalStateException(ids.size() + " " + JOB_NAME + " jobs are active on " + rest.url() + " " + ids
                    + "; cancel all but one in the web UI");
        }
        return ids.stream().findFirst().map(id -> new BalanceEngineDeployment(rest, id));
    }

    public String jobId() {
        return jobId;
    }

    /** Stops the job with a savepoint into {@code savepointDir}; returns the savepoint's location. */
    public String stopWithSavepoint(Path savepointDir) throws IOException, InterruptedException {
        return rest.stopWithSavepoint(jobId, savepointDir, Duration.ofMinutes(2));
    }
}
