package com.hipoc.job.sink;

import org.apache.flink.api.connector.sink2.SinkWriter;

import java.io.IOException;
import java.util.Collection;

/**
 * A sink writer that holds rows in a batch and writes it when full and at every checkpoint
 * (Flink calls {@link #flush} before the barrier), so a completed checkpoint means every row
 * before it is in the store. A failed batch is retried, whole, on a new connection, for as long
 * as the store stays down: the job is held back, never a row dropped.
 */
abstract class BatchingWriter<T> implements SinkWriter<T> {
    private final RowBatch<T> batch;
    private final int batchSize;
    private final SinkCounters counters;
    private final Retrier retrier;

    protected BatchingWriter(RowBatch<T> batch, int batchSize, SinkCounters counters, Retrier retrier) {
        this.batch = batch;
        this.batchSize = batchSize;
        this.counters = counters;
        this.retrier = retrier;
    }

    /** Writes every row of the batch; throws to have it retried on a new connection. */
    protected abstract void writeBatch(Collection<T> rows) throws Exception;

    /** Drops the connection, so the next attempt opens a new one. */
    protected abstract void disconnect();

    @Override
    public void write(T row, Context context) throws IOException, InterruptedException {
        batch.add(row);
        if (batch.size() >= batchSize) {
            flush(false);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (batch.size() == 0) {
            return;
        }
        retrier.run(() -> writeBatch(batch.rows()), this::disconnect);
        counters.rowsWritten().inc(batch.size());
        batch.clear();
    }

    @Override
    public void close() {
        disconnect();
    }
}
