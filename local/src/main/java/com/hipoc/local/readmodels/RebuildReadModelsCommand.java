package com.hipoc.local.readmodels;

import com.hipoc.local.DataDirOption;
import com.hipoc.local.Endpoints;
import com.hipoc.local.FlinkRest;
import com.hipoc.local.HipocJob;
import com.hipoc.local.JobStateDirs;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hipoc rebuild-read-models}: rebuilds the read models of the stack recorded in a data
 * dir from balance.events (see {@link ReadModelRebuild}). Returns once the fresh job runs;
 * {@code hipoc verify --wait-ms} then waits until it has caught up.
 */
@Command(name = "rebuild-read-models", showDefaultValues = true,
        description = "Empty MySQL's read-model tables and Redis's account hashes and refill them from balance.events.")
public final class RebuildReadModelsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption dataDir;
    @Option(names = "--jar", paramLabel = "JAR", description = "the read models' jar (default: readmodels/target/hipoc-read-models.jar)")
    Path jar;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir.path();
        Path readModelsJar = (jar != null ? jar : RepoLayout.locate().jar(HipocJob.READ_MODELS)).toAbsolutePath();
        Endpoints endpoints = Endpoints.load(dir).orElseThrow(() -> new IllegalStateException(
                "no stack recorded in " + dir.resolve(Endpoints.FILE) + "; start one with `hipoc local --data-dir " + dir + "`"));
        FlinkRest rest = new FlinkRest(endpoints.flinkUrl());
        rest.requireReachable();
        Progress progress = new Progress(System.out);
        long start = System.nanoTime();
        new ReadModelRebuild(rest, ReadModelStores.locate(dir, System.getenv()), JobStateDirs.in(dir), progress).run(readModelsJar);
        progress.line(String.format("rebuild started in %.1f s; `hipoc verify --data-dir %s --wait-ms 600000` waits until"
                + " the read models have caught up", (System.nanoTime() - start) / 1e9, dir));
        return 0;
    }
}
