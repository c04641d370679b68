package com.hipoc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the built artifacts and shared files of a Hi-PoC checkout are. */
public record RepoLayout(Path root) {
    /** {@code -Dhipoc.home} (set by bin/hipoc), else the nearest directory up from here holding flink-conf/. */
    public static RepoLayout locate() {
        String home = System.getProperty("hipoc.home");
        if (home != null) {
            return new RepoLayout(Path.of(home).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("flink-conf/config.yaml"))) {
                return new RepoLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the Hi-PoC checkout: run from inside it or set -Dhipoc.home");
    }

    /** The built jar of {@code job}, the one {@code hipoc local} submits and {@code hipoc upgrade} takes by default. */
    public Path jar(HipocJob job) {
        return switch (job) {
            case BALANCE_ENGINE -> root.resolve("job/target/hipoc-job.jar");
            case READ_MODELS -> root.resolve("readmodels/target/hipoc-read-models.jar");
        };
    }

    public Path flinkLib() {
        return root.resolve("job/target/flink-lib");
    }

    public Path ingressJar() {
        return root.resolve("ingress/target/hipoc-ingress.jar");
    }

    /** The numbered schema files {@link Schema} applies. */
    public Path migrations() {
        return root.resolve("sql/migrations");
    }

    /** Default target of {@code hipoc savepoint}, one subdirectory per job. */
    public Path savepoints() {
        return root.resolve("savepoints");
    }

    public Path flinkConfig() {
        return root.resolve("flink-conf/config.yaml");
    }

    /** Fails with the build command when a part of the stack has not been built. */
    public void requireBuilt() {
        List<Path> missing = Stream.concat(Stream.of(HipocJob.values()).map(this::jar), Stream.of(flinkLib(), ingressJar()))
                .filter(p -> !Files.exists(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + missing + "; run `mvn -B install -DskipTests` in " + root);
        }
    }
}
