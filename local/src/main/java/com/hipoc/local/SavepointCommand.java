package com.hipoc.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code hipoc savepoint}: stops balance-engine with a savepoint, the first half of an upgrade.
 * Prints only the savepoint's location on stdout, so a script can pass it to {@code hipoc upgrade}.
 */
final class SavepointCommand implements CliCommand {
    @Override
    public String name() {
        return "savepoint";
    }

    @Override
    public String summary() {
        return "stop balance-engine with a savepoint and print its location [--flink " + FlinkRest.LOCAL_URL + "] [--dir savepoints/]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("flink", "dir"));
        FlinkRest rest = new FlinkRest(cl.string("flink", FlinkRest.LOCAL_URL));
        rest.requireReachable();
        Path dir = Path.of(cl.string("dir", RepoLayout.locate().savepoints().toString())).toAbsolutePath().normalize();
        BalanceEngineDeployment job = BalanceEngineDeployment.active(rest).orElseThrow(() -> new IllegalStateException(
                "no " + BalanceEngineDeployment.JOB_NAME + " job is running on " + rest.url()));
        System.err.println("stopping " + BalanceEngineDeployment.JOB_NAME + " (" + job.jobId() + ") with a savepoint into " + dir);
        System.out.println(job.stopWithSavepoint(dir));
        return 0;
    }
}
