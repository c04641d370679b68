package com.hipoc.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests at a fixed rate, each with its intended send time, whatever the target's speed: a
 * slow answer delays nothing but itself, so latency is not hidden by the generator waiting
 * (no coordinated omission). When all slots are busy the requests behind are sent late, and
 * their latency counts from when they were due.
 */
final class OpenLoopDriver {
    private OpenLoopDriver() {
    }

    static void run(Dispatcher dispatcher, double requestsPerSecond, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double gapNanos = 1e9 / requestsPerSecond;
        long due = Math.round(duration.toNanos() / gapNanos);
        for (long i = 0; i < due; i++) {
            long intended = start + Math.round(i * gapNanos);
            long now = System.nanoTime();
            if (now >= end) {
                dispatcher.notSent(due - i);
                return;
            }
            if (intended > now) {
                LockSupport.parkNanos(intended - now);
            }
            dispatcher.send(intended);
        }
    }
}
