package com.hipoc.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hipoc savepoint}: stops one job with a savepoint, the first half of an upgrade. Prints
 * only the savepoint's location on stdout, so a script can pass it to {@code hipoc upgrade}.
 */
@Command(name = "savepoint", showDefaultValues = true,
        description = "Stop a job with a savepoint into <dir>/<job>/ and print the savepoint's location.")
public final class SavepointCommand implements Callable<Integer> {
    @Option(names = "--job", paramLabel = "JOB", defaultValue = "balance-engine", description = "${COMPLETION-CANDIDATES}")
    HipocJob job;
    @Option(names = "--flink", paramLabel = "URL", defaultValue = FlinkRest.LOCAL_URL, description = "the Flink cluster's REST API")
    String flink;
    @Option(names = "--dir", paramLabel = "DIR", description = "the savepoints' root (default: savepoints/ of the checkout)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        FlinkRest rest = new FlinkRest(flink);
        rest.requireReachable();
        Path root = (dir != null ? dir : RepoLayout.locate().savepoints()).toAbsolutePath().normalize();
        Path target = root.resolve(job.jobName());
        JobDeployment running = JobDeployment.active(rest, job).orElseThrow(() -> new IllegalStateException(
                "no " + job + " job is running on " + rest.url()));
        System.err.println("stopping " + job + " (" + running.jobId() + ") with a savepoint into " + target);
        System.out.println(running.stopWithSavepoint(target));
        return 0;
    }
}
