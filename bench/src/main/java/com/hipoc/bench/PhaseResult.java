package com.hipoc.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one phase measured, as the report shows it. */
record PhaseResult(
        String phase,
        String target,
        String loop,
        long accounts,
        String distribution,
        double seconds,
        long requests,
        long commands,
        double commandsPerSecond,
        Map<String, Double> requestLatencyMs,
        long errors,
        Map<String, Long> outcomes,
        Map<String, Double> engineDecisionAgeMs,
        Map<String, Map<String, Double>> stageLatencyMs) {

    static Map<String, Double> percentiles(Histogram h) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("p50", LatencyRecorder.millis(h, 50));
        p.put("p95", LatencyRecorder.millis(h, 95));
        p.put("p99", LatencyRecorder.millis(h, 99));
        p.put("p99.9", LatencyRecorder.millis(h, 99.9));
        p.put("max", h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1_000.0);
        return p;
    }
}
