package com.hipoc.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Request latencies in microseconds, recorded from any thread without locks, read one interval
 * at a time (the progress line) while adding up the whole run (the report).
 */
final class LatencyRecorder {
    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private Histogram interval;

    void record(long nanos) {
        recorder.recordValue(Math.max(1, nanos / 1_000));
    }

    /** What was recorded since the last call; also added to {@link #total()}. */
    synchronized Histogram interval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    synchronized Histogram total() {
        return total.copy();
    }

    static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1_000.0;
    }
}
