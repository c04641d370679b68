package com.hipoc.local;

import com.hipoc.local.verify.ReadModelStores;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code hipoc rebuild-read-models}: rebuilds the read models of the stack recorded in a data
 * dir from balance.events (see {@link ReadModelRebuild}). Returns once the fresh job runs;
 * {@code hipoc verify --wait-ms} then waits until it has caught up.
 */
final class RebuildReadModelsCommand implements CliCommand {
    @Override
    public String name() {
        return "rebuild-read-models";
    }

    @Override
    public String summary() {
        return "empty MySQL's read-model tables and Redis's account hashes and refill them from balance.events"
                + " [--data-dir .hipoc] [--jar readmodels/target/hipoc-read-models.jar]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("data-dir", "jar"));
        Path dataDir = Path.of(cl.string("data-dir", ".hipoc")).toAbsolutePath().normalize();
        Path jar = Path.of(cl.string("jar", RepoLayout.locate().jar(HipocJob.READ_MODELS).toString())).toAbsolutePath();
        Endpoints endpoints = Endpoints.load(dataDir).orElseThrow(() -> new IllegalStateException(
                "no stack recorded in " + dataDir.resolve(Endpoints.FILE) + "; start one with `hipoc local --data-dir " + dataDir + "`"));
        FlinkRest rest = new FlinkRest(endpoints.flinkUrl());
        rest.requireReachable();
        Progress progress = new Progress(System.out);
        long start = System.nanoTime();
        new ReadModelRebuild(rest, ReadModelStores.locate(dataDir, System.getenv()), JobStateDirs.in(dataDir), progress).run(jar);
        progress.line(String.format("rebuild started in %.1f s; `hipoc verify --data-dir %s --wait-ms 600000` waits until"
                + " the read models have caught up", (System.nanoTime() - start) / 1e9, dataDir));
        return 0;
    }
}
