package com.hipoc.local;

import java.util.List;

/** {@code hipoc local}: runs the whole stack until SIGTERM or Ctrl-C, then stops it cleanly. */
final class LocalCommand implements CliCommand {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public String summary() {
        return "run Kafka, MariaDB, Redis, Flink with balance-engine and read-models, and the ingress here "
                + "[--data-dir .hipoc] [--http-port 8080] [--flink-port 8081] [--parallelism 2] [--flink-lib DIR]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        LocalOptions options = LocalOptions.parse(args, System.getenv(), RepoLayout.locate());
        LauncherLogging.toDirectory(options.logDir());
        ShutdownSignals signals = ShutdownSignals.install();
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
            progress.line("READY ingress=" + stack.endpoints().ingressUrl() + " flink=" + stack.endpoints().flinkUrl());
            signals.await();
        }
        return 0;
    }
}
