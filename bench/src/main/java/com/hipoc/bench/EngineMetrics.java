package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.local.FlinkRest;
import com.hipoc.local.HipocJob;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own view of its latency: the AccountProcessor's {@code decisionAgeMs} histogram
 * (command time to decision, over each subtask's last 10,000 decisions), read from Flink's REST
 * API while the load runs. Flink refreshes the metrics it serves at most every 10 s, so a read
 * after the load could still show the phase before; the last read during the load is kept.
 * The worst subtask's value is reported for each percentile.
 */
final class EngineMetrics implements AutoCloseable {
    private static final String HISTOGRAM = "decisionAgeMs_";
    /** Flink's names for the histogram's statistics; "median" is reported as p50. */
    private static final List<String> STATISTICS = List.of("median", "p95", "p99", "p999", "max");
    private static final long EVERY_S = 2;

    private final FlinkRest rest;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-engine-metrics");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, Double> latest = Map.of();

    private EngineMetrics(FlinkRest rest) {
        this.rest = rest;
    }

    /** Starts reading the histogram every few seconds. */
    static EngineMetrics sample(String flinkUrl) {
        EngineMetrics metrics = new EngineMetrics(new FlinkRest(flinkUrl));
        metrics.timer.scheduleWithFixedDelay(metrics::read, EVERY_S, EVERY_S, TimeUnit.SECONDS);
        return metrics;
    }

    /** Percentile name to milliseconds, as last read; empty when the job or the metric was not found. */
    Map<String, Double> latest() {
        return latest;
    }

    private void read() {
        try {
            Map<String, Double> ages = scrape();
            if (!ages.isEmpty()) {
                latest = ages;
            }
        } catch (IOException e) {
            // The next read may succeed; a report without engine figures says so by leaving them out.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Double> scrape() throws IOException, InterruptedException {
        Map<String, Double> ages = new LinkedHashMap<>();
        List<String> jobs = rest.activeJobs(HipocJob.BALANCE_ENGINE.jobName());
        if (jobs.isEmpty()) {
            return ages;
        }
        String job = "/jobs/" + jobs.get(0);
        for (JsonNode vertex : rest.get(job).path("vertices")) {
            if (vertex.path("name").asText().contains("AccountProcessor")) {
                String metrics = job + "/vertices/" + vertex.path("id").asText() + "/subtasks/metrics";
                List<String> names = histogramNames(rest.get(metrics));
                if (!names.isEmpty()) {
                    for (JsonNode m : rest.get(metrics + "?agg=max&get=" + String.join(",", names))) {
                        String id = m.path("id").asText();
                        String statistic = id.substring(id.indexOf(HISTOGRAM) + HISTOGRAM.length());
                        ages.put(statistic.equals("median") ? "p50" : statistic, m.path("max").asDouble());
                    }
                }
            }
        }
        return ages;
    }

    private static List<String> histogramNames(JsonNode available) {
        List<String> names = new ArrayList<>();
        for (JsonNode m : available) {
            String id = m.path("id").asText();
            int at = id.indexOf(HISTOGRAM);
            if (at >= 0 && STATISTICS.contains(id.substring(at + HISTOGRAM.length()))) {
                names.add(id);
            }
        }
        return names;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
