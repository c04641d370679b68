package com.hipoc.ingress.kafka;

import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request waiting for the outcome of its own command record. A transfer waits past PENDING
 * for its final outcome, which the engine sends with the same requestId, but keeps the PENDING
 * one, which it answers with if the final one is late. A replay ends the wait whatever it says:
 * the engine sends nothing more for a repeat's record (the final outcome answers the original's).
 */
public final class PendingReply {
    private final boolean waitsForFinal;
    private final CompletableFuture<Outcome> decided = new CompletableFuture<>();
    private volatile Outcome latest;
    private volatile long producedAtMs;
    private volatile long matchedAtMs;
    private volatile long matchedNanos;

    PendingReply(boolean waitsForFinal) {
        this.waitsForFinal = waitsForFinal;
    }

    /** @param producedAtMs the outcome record's Kafka timestamp: when the engine produced it */
    void offer(Outcome outcome, long producedAtMs) {
        this.producedAtMs = producedAtMs;
        this.matchedAtMs = System.currentTimeMillis();
        this.matchedNanos = System.nanoTime();
        latest = outcome;
        if (!waitsForFinal || outcome.status != OutcomeStatus.PENDING || outcome.replayed) {
            decided.complete(outcome);
        }
    }

    /** The outcome within {@code waitMs}, else the latest non-final one, else null. */
    public CompletableFuture<Outcome> await(long waitMs) {
        return decided.completeOnTimeout(null, waitMs, TimeUnit.MILLISECONDS)
                .thenApply(outcome -> outcome != null ? outcome : latest);
    }

    /** Stops waiting, e.g. because the command never reached the log. */
    public void cancel() {
        decided.complete(null);
    }

    /** When the engine produced the outcome answered with (its record's Kafka timestamp). */
    public long producedAtMs() {
        return producedAtMs;
    }

    /** When this instance read that outcome: wall clock, to compare with {@link #producedAtMs()}. */
    public long matchedAtMs() {
        return matchedAtMs;
    }

    /** The same moment on the monotonic clock. */
    public long matchedNanos() {
        return matchedNanos;
    }

    CompletableFuture<Outcome> decided() {
        return decided;
    }
}
