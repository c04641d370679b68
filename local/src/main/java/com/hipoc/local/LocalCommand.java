package com.hipoc.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hipoc local}: runs the whole stack until SIGTERM, Ctrl-C or {@code hipoc stop}, then stops it cleanly. */
@Command(name = "local", showDefaultValues = true,
        description = "Run Kafka, MariaDB, Redis, Flink with balance-engine and read-models, and the ingress on this machine;"
                + " prints READY and its pid once it takes requests.")
public final class LocalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Mixin
    private DataDirOption dataDir;
    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "the ingress's port")
    private int httpPort;
    @Option(names = "--flink-port", paramLabel = "PORT", defaultValue = "8081", description = "the Flink web UI's and REST API's port")
    private int flinkPort;
    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "the jobs' parallelism")
    private int parallelism;
    @Option(names = "--flink-lib", paramLabel = "DIR", description = "the Flink runtime jars (default: job/target/flink-lib)")
    private Path flinkLib;
    @Option(names = "--warmup-limit", paramLabel = "SECONDS", defaultValue = "120",
            description = "at most this long warming the stack before READY (default: ${DEFAULT-VALUE}; 0: no warm-up)")
    private int warmupLimitSeconds;
    @Option(names = "--read-store-priority", paramLabel = "PRIORITY", defaultValue = "background",
            description = "the embedded MariaDB's and Redis's CPU priority: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                    + " background: under overload they wait and the read models trail, decisions do not)")
    private ReadStorePriority readStorePriority;

    /** What the command line and the environment ask for; the repository gives the defaults of paths. */
    LocalOptions options(Map<String, String> env, RepoLayout repo) {
        return new LocalOptions(
                dataDir.path(),
                OptionBounds.check(spec, "--http-port", httpPort, 1, 65535),
                OptionBounds.check(spec, "--flink-port", flinkPort, 1, 65535),
                OptionBounds.check(spec, "--parallelism", parallelism, 1, 64),
                repo,
                (flinkLib != null ? flinkLib : repo.flinkLib()).toAbsolutePath(),
                ExternalServices.from(env),
                Duration.ofSeconds(OptionBounds.check(spec, "--warmup-limit", warmupLimitSeconds, 0, 3600)),
                readStorePriority);
    }

    @Override
    public Integer call() throws Exception {
        LocalOptions options = options(System.getenv(), RepoLayout.locate());
        LauncherLogging.toDirectory(options.logDir());
        ShutdownSignals signals = ShutdownSignals.install();
        LauncherPid.write(options.dataDir());
        try {
            return run(options, signals);
        } finally {
            LauncherPid.remove(options.dataDir());
        }
    }

    private static int run(LocalOptions options, ShutdownSignals signals) throws Exception {
        Progress progress = new Progress(System.out);
        long start = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(options, progress);
        } catch (InterruptedException e) {
            if (signals.stopRequested()) {
                return 0;
            }
            throw e;
        }
        try (stack) {
            signals.startupDone();
            progress.line(String.format("started in %.1f s", (System.nanoTime() - start) / 1e9));
            progress.line("READY ingress=" + stack.endpoints().ingressUrl() + " flink=" + stack.endpoints().flinkUrl()
                    + " pid=" + ProcessHandle.current().pid());
            signals.await();
        }
        return 0;
    }
}
