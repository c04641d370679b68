package com.hipoc.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Drives one phase's load into its target and measures it. */
final class PhaseRunner {
    /** Longer than any target's own timeout, so every request sent ends before the phase does. */
    private static final Duration DRAIN = Duration.ofSeconds(40);
    static final String SCHEDULE = "schedule";

    private PhaseRunner() {
    }

    /** @param flinkUrl where the engine's decision latency is read during the phase, if it is Hi-PoC's */
    static PhaseResult run(Phase phase, Target target, Workload workload, BenchOptions options, Optional<String> flinkUrl,
                           PrintStream out) throws IOException, InterruptedException {
        out.println("== " + phase.name() + ": " + target.describe() + ", " + phase.loop() + ", " + phase.duration().toSeconds()
                + " s, " + options.accounts() + " accounts " + options.distribution());
        if (phase.mode() == BenchOptions.Mode.HTTP && phase.target() == BenchOptions.TargetSystem.HIPOC) {
            OutcomeCounts warm = ClientWarmup.run(new Workload(AccountPicker.of(options), options.mix(), options.seed(), "client-warmup"),
                    phase.concurrency());
            out.println(phase.name() + ": warmed the load generator's own HTTP client with " + warm.commands() + " requests in "
                    + ClientWarmup.LENGTH.toSeconds() + " s to a responder in its JVM (the stack saw none of them)");
        }
        if (!options.warmup().isZero()) {
            out.println(phase.name() + ": warming up for " + options.warmup().toSeconds() + " s (not counted)");
            drive(phase, new Dispatcher(target, workload::next, phase.concurrency(), new LatencyRecorder(), new OutcomeCounts()),
                    options.warmup(), out);
        }
        LatencyRecorder latencies = new LatencyRecorder();
        OutcomeCounts outcomes = new OutcomeCounts();
        Dispatcher dispatcher = new Dispatcher(target, workload::next, phase.concurrency(), latencies, outcomes);
        target.takeStageLatencies();
        long start = System.nanoTime();
        Map<String, Double> engineAges;
        try (ProgressPrinter progress = new ProgressPrinter(phase.name(), latencies, outcomes, out);
             EngineMetrics engine = flinkUrl.map(EngineMetrics::sample).orElse(null)) {
            drive(phase, dispatcher, phase.duration(), out);
            engineAges = engine == null ? Map.of() : engine.latest();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram total = latencies.total();
        return new PhaseResult(phase.name(), target.describe(), phase.loop(), options.accounts(), options.distribution(), seconds,
                total.getTotalCount(), outcomes.commands(), outcomes.commands() / seconds, PhaseResult.percentiles(total),
                outcomes.errors(), outcomes.byKind(), engineAges, stages(dispatcher, target));
    }

    /**
     * The target's stages of a request, if it reports any, after the load generator's own:
     * {@value #SCHEDULE}, how late the request was handed to the target (latency counts from when
     * it was due), so that the stages add up to the whole latency.
     */
    private static Map<String, Map<String, Double>> stages(Dispatcher dispatcher, Target target) {
        Map<String, Map<String, Double>> targets = target.takeStageLatencies();
        if (targets.isEmpty()) {
            return targets;
        }
        Map<String, Map<String, Double>> stages = new LinkedHashMap<>();
        stages.put(SCHEDULE, PhaseResult.percentiles(dispatcher.lateness()));
        stages.putAll(targets);
        return stages;
    }

    /** Sends the phase's load for {@code duration}, then waits for the answers still due. */
    private static void drive(Phase phase, Dispatcher dispatcher, Duration duration, PrintStream out) throws InterruptedException {
        if (phase.rate().isPresent()) {
            OpenLoopDriver.run(dispatcher, phase.rate().getAsDouble(), duration);
        } else {
            ClosedLoopDriver.run(dispatcher, duration);
        }
        if (!dispatcher.drain(DRAIN)) {
            out.println(phase.name() + ": some requests were still unanswered " + DRAIN.toSeconds() + " s after the load stopped");
        }
    }
}
