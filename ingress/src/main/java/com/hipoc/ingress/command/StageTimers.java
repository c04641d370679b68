package com.hipoc.ingress.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The latency budget of answered commands: one {@code ingress.command.stage} timer per stage of
 * {@link CommandStages} in {@code /metrics}, and the same figures for the request itself in a
 * {@code Server-Timing} header (W3C), so a client can see where its own request's time went.
 */
public final class StageTimers {
    static final String HEADER = "Server-Timing";

    private final Timer[] timers = new Timer[CommandStages.NAMES.length];

    public StageTimers(MeterRegistry registry) {
        for (int i = 0; i < timers.length; i++) {
            timers[i] = Timer.builder("ingress.command.stage")
                    .description("time one answered command spent in a stage: request, log, engine, results, answer")
                    .tag("stage", CommandStages.NAMES[i])
                    .publishPercentileHistogram()
                    .register(registry);
        }
    }

    /** Records the stages, the answer stage ending now, and returns them as a Server-Timing value. */
    String record(CommandStages stages) {
        long[] nanos = stages.nanos(System.nanoTime());
        StringBuilder header = new StringBuilder(64);
        for (int i = 0; i < nanos.length; i++) {
            timers[i].record(nanos[i], TimeUnit.NANOSECONDS);
            if (i > 0) {
                header.append(", ");
            }
            // Milliseconds with one decimal, rounded half up; String.format cost more than the rest of the answer.
            long tenths = (nanos[i] + 50_000) / 100_000;
            header.append(CommandStages.NAMES[i]).append(";dur=").append(tenths / 10).append('.').append(tenths % 10);
        }
        return header.toString();
    }
}
