package com.hipoc.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code hipoc upgrade}: runs a (new) job jar from a savepoint, the second half of an upgrade.
 * Prints only the new job's id on stdout.
 */
final class UpgradeCommand implements CliCommand {
    /** The job's max parallelism: no savepoint of it restores at a higher one. */
    private static final int MAX_PARALLELISM = 4096;
    /** Restoring a large state into RocksDB takes a while before the tasks report RUNNING. */
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "upgrade";
    }

    @Override
    public String summary() {
        return "run a job jar from a savepoint --from <savepoint> [--jar job/target/hipoc-job.jar] [--parallelism N]"
                + " [--flink " + FlinkRest.LOCAL_URL + "]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("from", "jar", "parallelism", "flink"));
        RestorePoint savepoint = RestorePoint.savepoint(cl.required("from"));
        Path jar = Path.of(cl.string("jar", RepoLayout.locate().jobJar().toString())).toAbsolutePath();
        OptionalInt parallelism = cl.optionalInteger("parallelism", MAX_PARALLELISM);
        FlinkRest rest = new FlinkRest(cl.string("flink", FlinkRest.LOCAL_URL));
        rest.requireReachable();
        Optional<BalanceEngineDeployment> running = BalanceEngineDeployment.active(rest);
        if (running.isPresent()) {
            // Two engines would each decide every command: stop the old one first.
            throw new IllegalStateException(BalanceEngineDeployment.JOB_NAME + " is still running as " + running.get().jobId()
                    + "; stop it first with `hipoc savepoint`");
        }
        System.err.println("running " + jar + " from " + savepoint.path() + " on " + rest.url());
        BalanceEngineDeployment job = BalanceEngineDeployment.submit(rest, jar, parallelism, Optional.of(savepoint), RESTORE_TIMEOUT);
        System.out.println(job.jobId());
        return 0;
    }
}
