package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Hi-PoC job on a session cluster, run through REST as an operator would: submitted from its
 * jar, resuming from a savepoint or retained checkpoint when given; stopped with a savepoint so
 * the next start resumes exactly where this one stopped, or cancelled to be started afresh.
 */
public final class JobDeployment {
    /** The cluster option under which each job gets a checkpoint directory of its own. */
    static final String CHECKPOINT_DIR_OPTION = "execution.checkpointing.dir";

    private final FlinkRest rest;
    private final String jobId;

    private JobDeployment(FlinkRest rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
    }

    /**
     * Uploads and runs the jar. The job reads its settings (Kafka, MySQL, Redis) from the
     * JobManager's environment, so a job started again on the same cluster, by an upgrade or the
     * web UI, gets exactly the same settings; the one program argument is its own checkpoint
     * directory (see {@link #checkpointDirArgument}).
     */
    public static JobDeployment submit(FlinkRest rest, HipocJob job, Path jar, OptionalInt parallelism,
                                       Optional<RestorePoint> restore, Duration timeout) throws IOException, InterruptedException {
        String jarId = rest.uploadJar(jar);
        String jobId = rest.runJar(jarId, checkpointDirArgument(rest, job), parallelism, restore);
        Await.until("job " + job + " to run", timeout, () -> {
            FlinkRest.JobState state = rest.jobState(jobId);
            if (state.state().equals("FAILED") || state.state().equals("CANCELED")) {
                throw new IllegalStateException(job + " is " + state.state() + "; see the web UI's exceptions tab");
            }
            return state.running();
        });
        return new JobDeployment(rest, jobId);
    }

    /**
     * {@code --CHECKPOINT_DIR=<the cluster's execution.checkpointing.dir>/<job name>}: both jobs
     * read CHECKPOINT_DIR from the one JobManager environment, and Flink names a job's checkpoints
     * only by its random id, so without this the retained checkpoints of the two jobs could not
     * be told apart after a crash. None when the cluster sets no checkpoint directory.
     */
    static List<String> checkpointDirArgument(FlinkRest rest, HipocJob job) throws IOException, InterruptedException {
        return rest.clusterOption(CHECKPOINT_DIR_OPTION)
                .map(dir -> List.of("--CHECKPOINT_DIR=" + dir.replaceAll("/+$", "") + "/" + job.jobName()))
                .orElse(List.of());
    }

    /**
     * The job of that name active on the cluster, whoever started it (the launcher, an upgrade,
     * the web UI); empty when none is. Two at once would do all the work twice (two engines
     * would decide every command twice), so that is an error for the operator to resolve.
     */
    public static Optional<JobDeployment> active(FlinkRest rest, HipocJob job) throws IOException, InterruptedException {
        List<String> ids = rest.activeJobs(job.jobName());
        if (ids.size() > 1) {
            throw new IllegalStateException(ids.size() + " " + job + " jobs are active on " + rest.url() + " " + ids
                    + "; cancel all but one in the web UI");
        }
        return ids.stream().findFirst().map(id -> new JobDeployment(rest, id));
    }

    public String jobId() {
        return jobId;
    }

    /** Stops the job with a savepoint into {@code savepointDir}; returns the savepoint's location. */
    public String stopWithSavepoint(Path savepointDir) throws IOException, InterruptedException {
        return rest.stopWithSavepoint(jobId, savepointDir, Duration.ofMinutes(2));
    }

    /** Stops the job without a savepoint, for a start with no state. */
    public void cancel() throws IOException, InterruptedException {
        rest.cancel(jobId, Duration.ofMinutes(2));
    }
}
