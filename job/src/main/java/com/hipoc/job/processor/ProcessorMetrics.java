package com.hipoc.job.processor;

import com.hipoc.events.Command;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.HashMap;
import java.util.Map;

/**
 * Commands decided, by type and status (outcome status or one of the results below), and how old each command was when decided. The wall
 * clock read here only feeds the histogram, never a decision.
 */
final class ProcessorMetrics {
    /** Results besides the outcome statuses. */
    static final String REPLAYED = "REPLAYED";
    static final String MALFORMED = "MALFORMED";
    /** A hold expiry whose hold was already captured, released or replaced. */
    static final String IGNORED = "IGNORED";

    private static final int AGE_WINDOW = 10_000;

    private final MetricGroup group;
    private final Map<String, Counter> counters = new HashMap<>();
    private final Histogram decisionAgeMs;

    ProcessorMetrics(MetricGroup group) {
        this.group = group;
        decisionAgeMs = group.histogram("decisionAgeMs", new DescriptiveStatisticsHistogram(AGE_WINDOW));
    }

    void decided(Command c, String result) {
        String type = c.type == null ? "unknown" : c.type.wireName();
        counters.computeIfAbsent(type + '/' + result,
                k -> group.addGroup("type", type).addGroup("status", result).counter("commands")).inc();
        decisionAgeMs.update(System.currentTimeMillis() - c.ts);
    }
}
