package com.hipoc.bench;

import com.hipoc.events.Command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Opens every bench account with a deposit before the load, so withdrawals mostly succeed.
 * Straight into the log (the fastest way in), waiting for each decision.
 */
final class Seeder {
    private static final int IN_FLIGHT = 20_000;

    private Seeder() {
    }

    static Check seed(KafkaTarget kafka, long accounts, String runId, PrintStream out) throws InterruptedException {
        OutcomeCounts outcomes = new OutcomeCounts();
        LatencyRecorder latencies = new LatencyRecorder();
        long[] next = {0};
        Supplier<Command> openings = () -> Workload.opening(next[0]++, runId);
        Dispatcher dispatcher = new Dispatcher(kafka, openings, IN_FLIGHT, latencies, outcomes);
        long start = System.nanoTime();
        try (ProgressPrinter progress = new ProgressPrinter("seed", latencies, outcomes, out)) {
            for (long i = 0; i < accounts; i++) {
                dispatcher.sendWhenFree();
            }
            dispatcher.drain(Duration.ofSeconds(60));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long applied = outcomes.byKind().getOrDefault("APPLIED", 0L);
        return new Check(applied == accounts, String.format("opened %d of %d accounts with %d each in %.1f s (%.0f/s)",
                applied, accounts, Workload.OPENING_BALANCE, seconds, accounts / seconds));
    }
}
