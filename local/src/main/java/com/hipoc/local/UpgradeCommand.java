package com.hipoc.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code hipoc upgrade}: runs a (new) jar of one job from a savepoint, the second half of an
 * upgrade. Prints only the new job's id on stdout.
 */
@Command(name = "upgrade", showDefaultValues = true,
        description = "Run a job's jar from a savepoint (after `hipoc savepoint`) and print the new job's id.")
public final class UpgradeCommand implements Callable<Integer> {
    /** The jobs' max parallelism: no savepoint of them restores at a higher one. */
    private static final int MAX_PARALLELISM = 4096;
    /** Restoring a large state into RocksDB takes a while before the tasks report RUNNING. */
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    private CommandSpec spec;
    @Option(names = "--from", required = true, paramLabel = "SAVEPOINT", description = "the savepoint to start from")
    String from;
    @Option(names = "--job", paramLabel = "JOB", defaultValue = "balance-engine", description = "${COMPLETION-CANDIDATES}")
    HipocJob job;
    @Option(names = "--jar", paramLabel = "JAR", description = "the job's jar (default: the job's jar in the checkout)")
    Path jar;
    @Option(names = "--parallelism", paramLabel = "N", description = "the job's parallelism (default: the cluster's)")
    Integer parallelism;
    @Option(names = "--flink", paramLabel = "URL", defaultValue = FlinkRest.LOCAL_URL, description = "the Flink cluster's REST API")
    String flink;

    /** The parallelism asked for, if any. */
    OptionalInt parallelism() {
        return parallelism == null ? OptionalInt.empty()
                : OptionalInt.of(OptionBounds.check(spec, "--parallelism", parallelism, 1, MAX_PARALLELISM));
    }

    @Override
    public Integer call() throws Exception {
        OptionalInt chosenParallelism = parallelism();
        RestorePoint savepoint = RestorePoint.savepoint(from);
        Path jobJar = (jar != null ? jar : RepoLayout.locate().jar(job)).toAbsolutePath();
        FlinkRest rest = new FlinkRest(flink);
        rest.requireReachable();
        Optional<JobDeployment> running = JobDeployment.active(rest, job);
        if (running.isPresent()) {
            // Two copies would each do all the work: two engines would decide every command twice.
            throw new IllegalStateException(job + " is still running as " + running.get().jobId()
                    + "; stop it first with `hipoc savepoint --job " + job + "`");
        }
        System.err.println("running " + jobJar + " as " + job + " from " + savepoint.path() + " on " + rest.url());
        JobDeployment deployment = JobDeployment.submit(rest, job, jobJar, chosenParallelism, Optional.of(savepoint), RESTORE_TIMEOUT);
        System.out.println(deployment.jobId());
        return 0;
    }
}
