package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    public static BalanceEngineDeployment submit(FlinkRest rest, Path jobJar, int parallelism, Optional<RestorePoint> restore,
                                                 Duration timeout) throws IOException, InterruptedException {
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

    public String jobId() {
        return jobId;
    }

    /** Stops the job with a savepoint into {@code savepointDir}; returns the savepoint's location. */
    public String stopWithSavepoint(Path savepointDir) throws IOException, InterruptedException {
        return rest.stopWithSavepoint(jobId, savepointDir, Duration.ofMinutes(2));
    }
}
