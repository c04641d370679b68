package com.hipoc.readmodels;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** What a store sink reports besides Flink's own counters: rows it wrote and writes it retried. */
public record SinkCounters(Counter rowsWritten, Counter retries) {
    public static SinkCounters registeredIn(MetricGroup group) {
        return new SinkCounters(group.counter("rowsWritten"), group.counter("writeRetries"));
    }
}
