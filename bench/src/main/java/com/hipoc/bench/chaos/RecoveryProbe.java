package com.hipoc.bench.chaos;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures time to recover: from a given instant, sends a fresh small deposit to a probe
 * account every half second until one of them is APPLIED. Probes are tracked like the rest of
 * the load, so they are checked against the ledger too.
 */
final class RecoveryProbe {
    private static final long INTERVAL_MS = 500;
    private static final int PROBE_ACCOUNTS = 8;

    private final ChaosLoad load;

    RecoveryProbe(ChaosLoad load) {
        this.load = load;
    }

    /** Time from {@code sinceNanos} (System.nanoTime) until a probe sent after it is APPLIED; empty if none within {@code timeout}. */
    Optional<Duration> await(long sinceNanos, Duration timeout) throws InterruptedException {
        CountDownLatch applied = new CountDownLatch(1);
        AtomicLong appliedAt = new AtomicLong();
        long deadline = sinceNanos + timeout.toNanos();
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            Command deposit = Command.of(CommandType.DEPOSIT, load.txId("probe"), "chaos-probe-" + probe % PROBE_ACCOUNTS, 1L,
                    ChaosLoad.CURRENCY, 0);
            load.submit(deposit).thenAccept(status -> {
                if (status.equals("APPLIED") && appliedAt.compareAndSet(0, System.nanoTime())) {
                    applied.countDown();
                }
            });
            if (applied.await(INTERVAL_MS, TimeUnit.MILLISECONDS)) {
                return Optional.of(Duration.ofNanos(appliedAt.get() - sinceNanos));
            }
        }
        return Optional.empty();
    }
}
