package com.hipoc.bench.chaos;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the load did over one stretch of the run (one fault and the quiet after it, or the whole run). */
final class LoadWindow {
    private final String name;
    private final long startNanos = System.nanoTime();
    private final LongAdder sent = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile long endNanos;

    LoadWindow(String name) {
        this.name = name;
    }

    void sent() {
        sent.increment();
    }

    /** A definite answer (or a failure that ends the command, such as an idempotency conflict). */
    void decided(String status) {
        answers.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** An attempt that ended without a decision and will be retried with the same txId. */
    void retried(String why) {
        retries.increment();
        errors.computeIfAbsent(why, k -> new LongAdder()).increment();
    }

    void end() {
        endNanos = System.nanoTime();
    }

    String name() {
        return name;
    }

    long sentCount() {
        return sent.sum();
    }

    long retryCount() {
        return retries.sum();
    }

    long decidedCount() {
        return answers.values().stream().mapToLong(LongAdder::sum).sum();
    }

    double seconds() {
        return ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
    }

    Map<String, Long> answers() {
        return snapshot(answers);
    }

    /** Why attempts were retried: 202-ACCEPTED, 503-UNAVAILABLE, error:ConnectException, ... */
    Map<String, Long> retryReasons() {
        return snapshot(errors);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
