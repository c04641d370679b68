package com.hipoc.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code hipoc savepoint}: stops one job with a savepoint, the first half of an upgrade. Prints
 * only the savepoint's location on stdout, so a script can pass it to {@code hipoc upgrade}.
 */
final class SavepointCommand implements CliCommand {
    @Override
    public String name() {
        return "savepoint";
    }

    @Override
    public String summary() {
        return "stop a job with a savepoint into <dir>/<job>/ and print its location [--job " + HipocJob.names() + "]"
                + " [--flink " + FlinkRest.LOCAL_URL + "] [--dir savepoints/]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("job", "flink", "dir"));
        HipocJob job = HipocJob.named(cl.string("job", HipocJob.BALANCE_ENGINE.jobName()));
        FlinkRest rest = new FlinkRest(cl.string("flink", FlinkRest.LOCAL_URL));
        rest.requireReachable();
        Path root = Path.of(cl.string("dir", RepoLayout.locate().savepoints().toString())).toAbsolutePath().normalize();
        Path dir = root.resolve(job.jobName());
        JobDeployment running = JobDeployment.active(rest, job).orElseThrow(() -> new IllegalStateException(
                "no " + job + " job is running on " + rest.url()));
        System.err.println("stopping " + job + " (" + running.jobId() + ") with a savepoint into " + dir);
        System.out.println(running.stopWithSavepoint(dir));
        return 0;
    }
}
