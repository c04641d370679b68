package com.hipoc.local;

import java.nio.file.Path;
import java.time.Duration;

/** Everything {@code hipoc local} needs to know, from its command line and the environment. */
public record LocalOptions(
        Path dataDir,
        int httpPort,
        int flinkPort,
        int parallelism,
        RepoLayout repo,
        Path flinkLib,
        ExternalServices external,
        Duration warmupLimit,
        ReadStorePriority readStorePriority) {

    /** The warm-up of a stack that tests start: they need it working, not fast from its first request. */
    public static final Duration TEST_WARMUP_LIMIT = Duration.ofSeconds(45);

    /** Options for a stack with everything embedded, as tests start it. */
    public static LocalOptions embedded(Path dataDir, int httpPort, int flinkPort, RepoLayout repo) {
        return new LocalOptions(dataDir.toAbsolutePath(), httpPort, flinkPort, 2, repo, repo.flinkLib(), ExternalServices.none(),
                TEST_WARMUP_LIMIT, ReadStorePriority.BACKGROUND);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where the jobs' savepoints and retained checkpoints are, one directory per job. */
    public JobStateDirs stateDirs() {
        return JobStateDirs.in(dataDir);
    }
}
