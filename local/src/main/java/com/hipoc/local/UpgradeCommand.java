package com.hipoc.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code hipoc upgrade}: runs a (new) jar of one job from a savepoint, the second half of an
 * upgrade. Prints only the new job's id on stdout.
 */
final class UpgradeCommand implements CliCommand {
    /** The jobs' max parallelism: no savepoint of them restores at a higher one. */
    private static final int MAX_PARALLELISM = 4096;
    /** Restoring a large state into RocksDB takes a while before the tasks report RUNNING. */
    private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "upgrade";
    }

    @Override
    public String summary() {
        return "run a job's jar from a savepoint --from <savepoint> [--job " + HipocJob.names() + "]"
                + " [--jar the job's jar in the checkout] [--parallelism N] [--flink " + FlinkRest.LOCAL_URL + "]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("job", "from", "jar", "parallelism", "flink"));
        HipocJob job = HipocJob.named(cl.string("job", HipocJob.BALANCE_ENGINE.jobName()));
        RestorePoint savepoint = RestorePoint.savepoint(cl.required("from"));
        Path jar = Path.of(cl.string("jar", RepoLayout.locate().jar(job).toString())).toAbsolutePath();
        OptionalInt parallelism = cl.optionalInteger("parallelism", MAX_PARALLELISM);
        FlinkRest rest = new FlinkRest(cl.string("flink", FlinkRest.LOCAL_URL));
        rest.requireReachable();
        Optional<JobDeployment> running = JobDeployment.active(rest, job);
        if (running.isPresent()) {
            // Two copies would each do all the work: two engines would decide every command twice.
            throw new IllegalStateException(job + " is still running as " + running.get().jobId()
                    + "; stop it first with `hipoc savepoint --job " + job + "`");
        }
        System.err.println("running " + jar + " as " + job + " from " + savepoint.path() + " on " + rest.url());
        JobDeployment deployment = JobDeployment.submit(rest, job, jar, parallelism, Optional.of(savepoint), RESTORE_TIMEOUT);
        System.out.println(deployment.jobId());
        return 0;
    }
}
