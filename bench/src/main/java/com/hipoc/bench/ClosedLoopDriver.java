package com.hipoc.bench;

import java.time.Duration;

/** As fast as the target answers: each free slot sends the next request at once (maximum throughput). */
final class ClosedLoopDriver {
    private ClosedLoopDriver() {
    }

    static void run(Dispatcher dispatcher, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            dispatcher.sendWhenFree();
        }
    }
}
