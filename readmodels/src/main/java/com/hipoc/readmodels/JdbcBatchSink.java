package com.hipoc.readmodels;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * An at-least-once sink into one read-model table, over plain JDBC rather than the JDBC
 * connector's {@code JdbcSink}: that one gives up (fails the job) as soon as it cannot
 * reconnect, where these stores must hold the job back until they return, and it cannot
 * merge account snapshots within a batch. Idempotence comes from each table's statement.
 */
public class JdbcBatchSink<T> implements Sink<T> {
    private final JdbcEndpoint endpoint;
    private final JdbcTable<T> table;
    private final SerializableSupplier<RowBatch<T>> newBatch;
    private final int batchSize;

    public JdbcBatchSink(JdbcEndpoint endpoint, JdbcTable<T> table, SerializableSupplier<RowBatch<T>> newBatch,
                         int batchSize) {
        this.endpoint = endpoint;
        this.table = table;
        this.newBatch = newBatch;
        this.batchSize = batchSize;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new JdbcBatchWriter<>(endpoint, table, newBatch.get(), batchSize,
                SinkMetrics.registeredIn(context.metricGroup()));
    }
}
