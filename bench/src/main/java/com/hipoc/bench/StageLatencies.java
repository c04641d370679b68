package com.hipoc.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ingress's latency budget of each answered request, from its {@code Server-Timing} header
 * ({@code log;dur=1.2, engine;dur=4.0, ...}, milliseconds), added up per stage in microseconds.
 */
final class StageLatencies {
    /** In the order the header first named them: the order of a command's way. */
    private final Map<String, Histogram> byStage = Collections.synchronizedMap(new LinkedHashMap<>());

    void record(String serverTiming) {
        if (serverTiming == null || serverTiming.isEmpty()) {
            return;
        }
        for (String metric : serverTiming.split(",")) {
            String[] parts = metric.trim().split(";dur=");
            if (parts.length == 2) {
                byStage.computeIfAbsent(parts[0], s -> new ConcurrentHistogram(3))
                        .recordValue(Math.max(1, Math.round(Double.parseDouble(parts[1]) * 1_000)));
            }
        }
    }

    /** Stage to its percentiles in milliseconds; empty when no answer carried the header. */
    Map<String, Map<String, Double>> percentiles() {
        Map<String, Map<String, Double>> stages = new LinkedHashMap<>();
        synchronized (byStage) {
            byStage.forEach((stage, h) -> stages.put(stage, PhaseResult.percentiles(h)));
        }
        return stages;
    }
}
