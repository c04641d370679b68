package com.hipoc.readmodels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Repeats a write to a store until it succeeds. While the store is down the writer, and so the
 * job behind it, waits (backpressure): the read models must never miss a row, and a checkpoint
 * that times out meanwhile only restarts the job from the last one. Errors that a retry cannot
 * fix (bad SQL, bad data) fail the write instead of looping.
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final long FIRST_PAUSE_MS = 100;
    private static final long MAX_PAUSE_MS = 5_000;

    private final String store;
    private final Predicate<Exception> retryable;
    private final SinkMetrics metrics;

    Retrier(String store, Predicate<Exception> retryable, SinkMetrics metrics) {
        this.store = store;
        this.retryable = retryable;
        this.metrics = metrics;
    }

    String store() {
        return store;
    }

    interface Attempt {
        void run() throws Exception;
    }

    /** Runs {@code attempt} until it succeeds, calling {@code reset} after each retryable failure. */
    void run(Attempt attempt, Runnable reset) throws IOException, InterruptedException {
        long pause = FIRST_PAUSE_MS;
        int failures = 0;
        while (true) {
            try {
                attempt.run();
                if (failures > 0) {
                    LOG.info("Writing to {} succeeded after {} retries", store, failures);
                }
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!retryable.test(e)) {
                    throw new IOException("cannot write to " + store, e);
                }
                failures++;
                metrics.retries().inc();
                LOG.warn("Writing to {} failed (attempt {}), retrying in {} ms: {}", store, failures, pause, e.toString());
                reset.run();
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_MS);
            }
        }
    }
}
