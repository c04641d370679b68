package com.hipoc.bench.chaos;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The line a second a chaos run prints: what the load has done so far, and which fault is on. */
final class ChaosProgress implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-progress");
        t.setDaemon(true);
        return t;
    });

    ChaosProgress(ChaosLoad load, Supplier<String> phase, PrintStream out) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            LoadWindow total = load.total();
            long errors = total.retryReasons().entrySet().stream().filter(e -> !e.getKey().startsWith("202"))
                    .mapToLong(e -> e.getValue()).sum();
            out.printf("chaos %5.0f s  sent %7d  answered %7d  waiting %5d  retries %6d  errors %6d  | %s%n",
                    (System.nanoTime() - start) / 1e9, total.sentCount(), total.decidedCount(), load.outstanding(),
                    total.retryCount(), errors, phase.get());
            out.flush();
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
