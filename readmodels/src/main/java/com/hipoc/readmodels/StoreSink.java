package com.hipoc.readmodels;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * An at-least-once sink into one read-model store, whose writers batch, coalesce and retry
 * ({@link BatchingWriter}). Not the JDBC connector's {@code JdbcSink}: that one gives up (fails
 * the job) as soon as it cannot reconnect, where these stores must hold the job back until they
 * return, and it can neither merge rows within a batch nor bulk-load. Idempotence comes from each
 * store's statement.
 */
public class StoreSink<T> implements Sink<T> {
    private final SerializableFunction<SinkMetrics, SinkWriter<T>> writers;

    /** @param writers makes a subtask's writer, reporting into its metrics */
    public StoreSink(SerializableFunction<SinkMetrics, SinkWriter<T>> writers) {
        this.writers = writers;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return writers.apply(SinkMetrics.registeredIn(context.metricGroup()));
    }
}
