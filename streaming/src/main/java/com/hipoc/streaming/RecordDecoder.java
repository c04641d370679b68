package com.hipoc.streaming;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Turns raw records into what a job reads. A record that cannot be decoded, or that the job
 * must not act on, goes to {@link #UNDECODABLE} with the reason instead, and is counted: one bad
 * record must neither stop the job nor make it restart forever on the same offset. How long
 * records took from their producer to this job ({@code readDelayMs}: the record's Kafka timestamp
 * to now) is the first stage of the job's latency budget.
 */
public abstract class RecordDecoder<T> extends ProcessFunction<RawRecord, T> {
    public static final OutputTag<DeadLetter> UNDECODABLE = new OutputTag<>("undecodable") { };

    private static final Logger LOG = LoggerFactory.getLogger(RecordDecoder.class);
    private static final int DELAY_WINDOW = 10_000;

    private final String what;
    private final String counterName;
    private transient Counter undecodable;
    private transient Histogram readDelayMs;

    /** @param what how a reason names a record of this kind, e.g. "an event" */
    protected RecordDecoder(String what, String counterName) {
        this.what = what;
        this.counterName = counterName;
    }

    /** @throws IOException when the bytes are not a T */
    protected abstract T decode(byte[] value) throws IOException;

    /** Null when the job can act on the decoded record. */
    protected abstract String reasonToRefuse(RawRecord raw, T decoded);

    @Override
    public void open(OpenContext openContext) {
        undecodable = getRuntimeContext().getMetricGroup().counter(counterName);
        readDelayMs = getRuntimeContext().getMetricGroup().histogram("readDelayMs",
                new DescriptiveStatisticsHistogram(DELAY_WINDOW));
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        Long producedAtMs = ctx.timestamp();
        if (producedAtMs != null) {
            readDelayMs.update(System.currentTimeMillis() - producedAtMs);
        }
        T decoded = null;
        String reason;
        try {
            decoded = raw.value == null ? null : decode(raw.value);
            reason = decoded == null ? "empty record" : reasonToRefuse(raw, decoded);
        } catch (IOException | RuntimeException e) {
            reason = "not " + what + ": " + firstCause(e);
        }
        if (reason == null) {
            out.collect(decoded);
            return;
        }
        undecodable.inc();
        LOG.warn("Refused record {}-{}@{}: {}", raw.topic, raw.partition, raw.offset, reason);
        ctx.output(UNDECODABLE, new DeadLetter(raw, reason));
    }

    /**
     * The innermost message, first line only: the parser's wrappers add the whole record and a
     * stack of locations, which a reason header need not carry.
     */
    private static String firstCause(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
