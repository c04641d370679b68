package com.hipoc.local;

import java.io.IOException;
import java.time.Duration;

/** Polls a condition until it holds. An IOException means "not up yet"; any other failure ends the wait. */
final class Await {
    private static final long POLL_MS = 200;

    @FunctionalInterface
    interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }

    private Await() {
    }

    static void until(String what, Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }
}
