package com.hipoc.readmodels;

import org.apache.flink.api.connector.sink2.SinkWriter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * Test support for outage tests: streams rows into a writer on its own thread, paced so a
 * test has time to take the store away mid-stream, then flushes as a checkpoint would.
 */
final class OutageStream {
    private static final int PAUSE_EVERY = 500;
    private static final long STARTED_ROWS = 2_000;

    private final Thread thread;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private <T> OutageStream(SinkWriter<T> writer, int total, IntFunction<T> row) {
        thread = new Thread(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    writer.write(row.apply(i), null);
                    if (i % PAUSE_EVERY == PAUSE_EVERY - 1) {
                        Thread.sleep(20);
                    }
                }
                writer.flush(true);
            } catch (Exception e) {
                failures.add(e);
            }
        });
        thread.setDaemon(true);
    }

    /** Starts streaming {@code total} rows and returns once the first ones reached the store. */
    static <T> OutageStream start(SinkWriter<T> writer, SinkMetrics metrics, int total, IntFunction<T> row)
            throws InterruptedException {
        OutageStream stream = new OutageStream(writer, total, row);
        stream.thread.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> metrics.rowsWritten().getCount() >= STARTED_ROWS);
        return stream;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits for the stream to end and returns what it failed with, if anything. */
    List<Throwable> finish(long timeoutMs) throws InterruptedException {
        thread.join(timeoutMs);
        return failures;
    }
}
