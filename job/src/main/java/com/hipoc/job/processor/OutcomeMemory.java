package com.hipoc.job.processor;

import com.hipoc.events.Outcome;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The idempotency memory of the current account: each decided key with its fingerprint and
 * outcome, for {@code retentionMs} of the account's command time. Entries are purged through a
 * queue in decision order, so the work per command is small and the result depends only on the
 * log. The queue's bounds live in the account's {@link AccountRecord}, which the processor reads
 * and writes once per command.
 */
final class OutcomeMemory {
    private final long retentionMs;
    private final MapState<String, RememberedOutcome> remembered;
    private final MapState<Long, RememberedKey> queue;
    /** The current account's index, given by {@link #advanceTo}; recall and remember follow it. */
    private MemoryIndex index;

    OutcomeMemory(RuntimeContext runtime, long retentionMs) {
        this.retentionMs = retentionMs;
        remembered = runtime.getMapState(new MapStateDescriptor<>("remembered", Types.STRING,
                Types.POJO(RememberedOutcome.class)));
        queue = runtime.getMapState(new MapStateDescriptor<>("remembered-queue", Types.LONG,
                Types.POJO(RememberedKey.class)));
    }

    /**
     * Moves the account's clock to {@code ts} if later and forgets what fell out of the window.
     * Called first for every command with the account's index; recall and remember then work on it.
     *
     * @return whether the index changed and must be stored
     */
    boolean advanceTo(MemoryIndex accountIndex, long ts) throws Exception {
        index = accountIndex;
        long clock = index.clock;
        long head = index.head;
        index.clock = Math.max(index.clock, ts);
        while (index.head < index.tail && expired(index.oldestDecidedAt)) {
            RememberedKey oldest = queue.get(index.head);
            RememberedOutcome entry = remembered.get(oldest.key);
            // The key may have been decided again since; then a later queue slot owns it.
            if (entry != null && expired(entry.decidedAt)) {
                remembered.remove(oldest.key);
            }
            queue.remove(index.head);
            index.head++;
            if (index.head < index.tail) {
                index.oldestDecidedAt = queue.get(index.head).decidedAt;
            }
        }
        return index.clock != clock || index.head != head;
    }

    /** The entry for {@code key} if it is inside the window, else null. */
    RememberedOutcome recall(String key) throws Exception {
        RememberedOutcome entry = remembered.get(key);
        return entry == null || expired(entry.decidedAt) ? null : entry;
    }

    /** Changes the index: the caller stores it. @param outcome null when nobody waits for one */
    void remember(String key, String fingerprint, Outcome outcome, long decidedAt) throws Exception {
        remembered.put(key, new RememberedOutcome(fingerprint, outcome, decidedAt));
        queue.put(index.tail, new RememberedKey(key, decidedAt));
        if (index.head == index.tail) {
            index.oldestDecidedAt = decidedAt;
        }
        index.tail++;
    }

    /** Replaces the answer of a remembered key, keeping its window; no-op when forgotten. */
    void revise(String key, Outcome outcome) throws Exception {
        RememberedOutcome entry = recall(key);
        if (entry != null) {
            entry.answer(outcome);
            remembered.put(key, entry);
        }
    }

    private boolean expired(long decidedAt) {
        return index.clock - decidedAt >= retentionMs;
    }
}
