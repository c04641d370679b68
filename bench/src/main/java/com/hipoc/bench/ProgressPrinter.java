package com.hipoc.bench;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One line a second while a phase runs: elapsed time, commands/s, errors so far, P50 and P99 of that second. */
final class ProgressPrinter implements AutoCloseable {
    private final String phase;
    private final LatencyRecorder latencies;
    private final OutcomeCounts outcomes;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });
    private long lastCommands;
    private long lastNanos = startNanos;

    ProgressPrinter(String phase, LatencyRecorder latencies, OutcomeCounts outcomes, PrintStream out) {
        this.phase = phase;
        this.latencies = latencies;
        this.outcomes = outcomes;
        this.out = out;
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void print() {
        long now = System.nanoTime();
        long commands = outcomes.commands();
        Histogram second = latencies.interval();
        out.printf("%-14s %5.0f s %9.0f cmd/s  errors %-7d p50 %8.2f ms  p99 %8.2f ms%n", phase, (now - startNanos) / 1e9,
                (commands - lastCommands) * 1e9 / (now - lastNanos), outcomes.errors(),
                LatencyRecorder.millis(second, 50), LatencyRecorder.millis(second, 99));
        out.flush();
        lastCommands = commands;
        lastNanos = now;
    }

    /** Stops the lines; what was recorded since the last one still reaches the run's total. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        latencies.interval();
    }
}
