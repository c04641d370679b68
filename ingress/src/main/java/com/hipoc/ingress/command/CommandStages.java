package com.hipoc.ingress.command;

/**
 * Where one command's time went between the ingress first seeing its request and its answer: the
 * request being read, parsed and handed to Kafka, the log taking it ({@code acks=all}), the
 * engine reading, deciding and producing its outcome (up to the outcome record's Kafka
 * timestamp), the results topic bringing the outcome back to this instance, and the answer being
 * made. The engine's side is known only by that timestamp, a wall-clock millisecond, so the two
 * stages that meet there are whole milliseconds; the others are measured on this JVM's monotonic
 * clock.
 */
record CommandStages(long receivedNanos, long sentNanos, long loggedNanos, long loggedAtMs, long producedAtMs,
                     long matchedAtMs, long matchedNanos) {
    static final String[] NAMES = {"request", "log", "engine", "results", "answer"};

    /** Nanoseconds per stage, in the order of {@link #NAMES}, the answer stage ending now. */
    long[] nanos(long nowNanos) {
        return new long[] {
            sentNanos - receivedNanos,
            loggedNanos - sentNanos,
            Math.max(0, producedAtMs - loggedAtMs) * 1_000_000,
            Math.max(0, matchedAtMs - producedAtMs) * 1_000_000,
            nowNanos - matchedNanos,
        };
    }
}
