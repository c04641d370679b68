package com.hipoc.readmodels;

import org.apache.flink.api.connector.sink2.SinkWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A sink writer that holds rows in a batch and hands it to a background thread when full, so
 * the task thread (the source's, every operator being chained to it) keeps reading events while
 * the store writes; it writes nothing itself. At every checkpoint Flink calls {@link #flush} before
 * the barrier, which hands over the current batch and waits until every batch handed over is
 * written, so a completed checkpoint still means every row before it is in the store; rows
 * after it that were lost with a crash are replayed from it and written again, idempotently.
 * <p>
 * The batches of one writer are written one after the other in the order they were filled.
 * Every table and Redis accept a row only if it is new or newer (insert-once, forward-only
 * status, newer version), so nothing relies on an order across batches, only on each row being
 * written at least once. A failed batch is retried, whole, on a new connection, for as long as
 * the store stays down: the job is held back, never a row dropped.
 */
abstract class BatchingWriter<T> implements SinkWriter<T> {
    private final RowBatch<T> batch;
    private final ToLongFunction<T> decidedAt;
    private final int batchSize;
    private final SinkMetrics metrics;
    private final Retrier retrier;
    private final BackgroundWrites writes;

    /** @param decidedAt the time of the decision a row comes from, epoch ms, for {@link WriteLag} */
    protected BatchingWriter(RowBatch<T> batch, ToLongFunction<T> decidedAt, int batchSize, SinkMetrics metrics,
                             Retrier retrier) {
        this.batch = batch;
        this.decidedAt = decidedAt;
        this.batchSize = batchSize;
        this.metrics = metrics;
        this.retrier = retrier;
        this.writes = new BackgroundWrites("sink writer " + retrier.store(), this::disconnect);
    }

    /** Writes every row of the batch; throws to have it retried on a new connection. Runs on the background thread. */
    protected abstract void writeBatch(Collection<T> rows) throws Exception;

    /** Drops the connection, so the next attempt opens a new one. Runs on the background thread. */
    protected abstract void disconnect();

    @Override
    public void write(T row, Context context) throws IOException, InterruptedException {
        writes.checkEnded();
        batch.add(row);
        metrics.lag().held(decidedAt.applyAsLong(row));
        if (batch.size() >= batchSize) {
            handOver();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        handOver();
        writes.awaitAll();
    }

    private void handOver() throws IOException, InterruptedException {
        if (batch.size() == 0) {
            return;
        }
        // A copy, so the batch takes the next rows while the background thread writes these.
        List<T> rows = new ArrayList<>(batch.rows());
        batch.clear();
        metrics.lag().handedOver();
        writes.submit(() -> {
            retrier.run(() -> writeBatch(rows), this::disconnect);
            metrics.rowsWritten().inc(rows.size());
            metrics.lag().written();
            return null;
        });
    }

    /** Batches not flushed yet are dropped: without a checkpoint after them, they are replayed. */
    @Override
    public void close() throws InterruptedException {
        writes.close();
    }
}
