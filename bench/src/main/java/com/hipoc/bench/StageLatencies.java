package com.hipoc.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latency budget of each answered request, added up per stage in microseconds: the ingress's
 * stages from its {@code Server-Timing} header ({@code request;dur=0.3, log;dur=1.2, ...},
 * milliseconds), then {@value #CLIENT}, the rest of the round trip: the load generator's HTTP
 * client (a thread, a connection), the sockets both ways, the server before it began reading.
 */
final class StageLatencies {
    static final String CLIENT = "client";
    /** In the order the header first named them: the order of a command's way. */
    private final Map<String, Histogram> byStage = Collections.synchronizedMap(new LinkedHashMap<>());

    /** @param roundTripNanos from handing the request to the HTTP client to having its answer */
    void record(String serverTiming, long roundTripNanos) {
        if (serverTiming == null || serverTiming.isEmpty()) {
            return;
        }
        long insideMicros = 0;
        for (String metric : serverTiming.split(",")) {
            String[] parts = metric.trim().split(";dur=");
            if (parts.length == 2) {
                long micros = Math.round(Double.parseDouble(parts[1]) * 1_000);
                add(parts[0], micros);
                insideMicros += micros;
            }
        }
        add(CLIENT, roundTripNanos / 1_000 - insideMicros);
    }

    private void add(String stage, long micros) {
        byStage.computeIfAbsent(stage, s -> new ConcurrentHistogram(3)).recordValue(Math.max(1, micros));
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
