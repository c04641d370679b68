package com.hipoc.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything {@code hipoc local} needs to know, from its command line and the environment. */
public record LocalOptions(
        Path dataDir,
        int httpPort,
        int flinkPort,
        int parallelism,
        RepoLayout repo,
        Path flinkLib,
        ExternalServices external) {

    static final Set<String> NAMES = Set.of("data-dir", "http-port", "flink-port", "parallelism", "flink-lib");

    public static LocalOptions parse(List<String> args, Map<String, String> env, RepoLayout repo) {
        CommandLine cl = CommandLine.parse(args, NAMES);
        return new LocalOptions(
                Path.of(cl.string("data-dir", ".hipoc")).toAbsolutePath().normalize(),
                cl.port("http-port", 8080),
                cl.port("flink-port", 8081),
                cl.integer("parallelism", 2, 64),
                repo,
                Path.of(cl.string("flink-lib", repo.flinkLib().toString())).toAbsolutePath(),
                ExternalServices.from(env));
    }

    /** Options for a stack with everything embedded, as tests start it. */
    public static LocalOptions embedded(Path dataDir, int httpPort, int flinkPort, RepoLayout repo) {
        return new LocalOptions(dataDir.toAbsolutePath(), httpPort, flinkPort, 2, repo, repo.flinkLib(), ExternalServices.none());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where the jobs' savepoints and retained checkpoints are, one directory per job. */
    public JobStateDirs stateDirs() {
        return JobStateDirs.in(dataDir);
    }
}
