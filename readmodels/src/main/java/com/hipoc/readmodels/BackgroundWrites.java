package com.hipoc.readmodels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a writer's batch writes on one background thread, in the order they were handed over,
 * so the task thread reads the next events while the store writes the last rows. Only the
 * task thread calls these methods.
 * <p>
 * At most {@link #MAX_IN_FLIGHT} writes are unfinished; the task thread waits for a free slot,
 * so a slow or absent store holds the job (and Kafka) back rather than filling the heap. A
 * failed write is rethrown on the task thread's next call, and on every call after it: the job
 * fails and replays from its last checkpoint instead of carrying on without those rows.
 */
final class BackgroundWrites implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWrites.class);
    /** Two: one being written and one ready behind it, so a store's pauses do not stall the job at once. */
    private static final int MAX_IN_FLIGHT = 2;
    /** Beyond a retry pause and a connect timeout; a read blocked longer ends at its socket timeout. */
    private static final long CLOSE_WAIT_S = 10;

    private final String name;
    private final ExecutorService executor;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    /** Started by the first write, so a writer that never writes has none. */
    private Thread thread;

    /** {@code onExit} runs last on the background thread: the store connection is only ever used there. */
    BackgroundWrites(String name, Runnable onExit) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(work -> {
            thread = new Thread(() -> {
                try {
                    work.run();
                } finally {
                    onExit.run();
                }
            }, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hands {@code write} to the background thread, first waiting while too many are unfinished. */
    void submit(Callable<Void> write) throws IOException, InterruptedException {
        while (inFlight.size() >= MAX_IN_FLIGHT) {
            awaitOldest();
        }
        inFlight.add(executor.submit(write));
    }

    /** Rethrows the failure of a write that has ended, without waiting for any other. */
    void checkEnded() throws IOException, InterruptedException {
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            awaitOldest();
        }
    }

    /** Returns once every write handed over has succeeded. */
    void awaitAll() throws IOException, InterruptedException {
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
    }

    private void awaitOldest() throws IOException, InterruptedException {
        try {
            inFlight.peek().get();
        } catch (ExecutionException e) {
            throw new IOException("a batch written in the background by " + name + " failed", e.getCause());
        }
        inFlight.remove();
    }

    /** Stops the thread, interrupting a write that is waiting to retry; batches not yet written are dropped. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (thread == null) {
            return;
        }
        thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_S));
        if (thread.isAlive()) {
            LOG.warn("{} is still blocked in a store call; it stops when that call times out", name);
        }
    }
}
