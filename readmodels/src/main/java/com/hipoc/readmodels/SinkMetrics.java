package com.hipoc.readmodels;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * What a store sink reports besides Flink's own metrics: rows it wrote, writes it retried, and
 * how far its store is behind the engine ({@link WriteLag}).
 */
public record SinkMetrics(Counter rowsWritten, Counter retries, WriteLag lag) {
    public static SinkMetrics registeredIn(MetricGroup group) {
        return new SinkMetrics(group.counter("rowsWritten"), group.counter("writeRetries"),
                group.gauge("lagMs", new WriteLag(System::currentTimeMillis)));
    }
}
