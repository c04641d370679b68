package com.hipoc.readmodels;

import org.apache.flink.metrics.Gauge;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * How far a writer's store is behind the engine, in milliseconds: the age, by the wall clock, of
 * the oldest decision whose row the writer holds and has not written yet, 0 when it holds none.
 * It grows through a store outage (the rows wait) and through a backlog (the rows read late are
 * old), and is 0 when the writer is idle and caught up. Decision times are the commands' own,
 * stamped by the ingress. The task thread reports rows held and batches handed over, the
 * background thread batches written, the metric reporter reads.
 */
public final class WriteLag implements Gauge<Long> {
    private static final long NONE = Long.MAX_VALUE;

    private final LongSupplier clock;
    /** The oldest decision of each batch handed over and not written yet, in hand-over order. */
    private final Queue<Long> handedOver = new ConcurrentLinkedQueue<>();
    private volatile long oldestHeld = NONE;

    public WriteLag(LongSupplier clock) {
        this.clock = clock;
    }

    void held(long decidedAt) {
        if (decidedAt < oldestHeld) {
            oldestHeld = decidedAt;
        }
    }

    void handedOver() {
        handedOver.add(oldestHeld);
        oldestHeld = NONE;
    }

    /** Batches are written one after the other in the order they were handed over. */
    void written() {
        handedOver.poll();
    }

    @Override
    public Long getValue() {
        Long oldestHandedOver = handedOver.peek();
        long oldest = Math.min(oldestHeld, oldestHandedOver == null ? NONE : oldestHandedOver);
        return oldest == NONE ? 0 : Math.max(0, clock.getAsLong() - oldest);
    }
}
