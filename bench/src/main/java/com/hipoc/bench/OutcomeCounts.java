package com.hipoc.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many commands ended in each {@link OutcomeKind}. */
final class OutcomeCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder commands = new LongAdder();
    private final LongAdder errors = new LongAdder();

    void add(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        commands.increment();
        if (OutcomeKind.isError(kind)) {
            errors.increment();
        }
    }

    /** Commands that were due but never sent: errors, but not commands the target handled. */
    void notSent(long n) {
        counts.computeIfAbsent(OutcomeKind.error("not-sent-behind-schedule"), k -> new LongAdder()).add(n);
        errors.add(n);
    }

    /** Commands the target answered, one way or another. */
    long commands() {
        return commands.sum();
    }

    long errors() {
        return errors.sum();
    }

    Map<String, Long> byKind() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((kind, n) -> sorted.put(kind, n.sum()));
        return sorted;
    }
}
