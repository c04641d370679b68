package com.hipoc.local;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The jobs of a local stack as its launcher runs them: each submitted from the checkout's jar,
 * resuming from its own newest savepoint or retained checkpoint in the data dir, and each
 * stopped with a savepoint into its own directory there, for the next start to resume from.
 */
final class StackJobs {
    private final LocalOptions options;
    private final FlinkRest rest;

    StackJobs(LocalOptions options, FlinkRest rest) {
        this.options = options;
        this.rest = rest;
    }

    /** Submits the job and waits until it runs; returns its id and the state it resumed from, for the progress line. */
    String resume(HipocJob job, Duration timeout) throws IOException, InterruptedException {
        Optional<RestorePoint> restore = options.stateDirs().newest(job);
        JobDeployment deployment = JobDeployment.submit(rest, job, options.repo().jar(job), OptionalInt.of(options.parallelism()),
                restore, timeout);
        return "RUNNING as " + deployment.jobId() + restore.map(r -> ", resumed from " + r.path()).orElse(", fresh state");
    }

    /**
     * Stops the copy of the job running now, which {@code hipoc upgrade} may have put in place of
     * the launcher's, with a savepoint; returns where the savepoint went, for the progress line.
     */
    String stop(HipocJob job) throws IOException, InterruptedException {
        Optional<JobDeployment> running = JobDeployment.active(rest, job);
        return running.isPresent() ? "savepoint " + running.get().stopWithSavepoint(options.stateDirs().savepoints(job))
                : "not running (stopped with `hipoc savepoint`?)";
    }
}
