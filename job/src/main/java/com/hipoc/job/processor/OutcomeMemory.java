package com.hipoc.job.processor;

import com.hipoc.events.Outcome;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The idempotency memory of the current account: each decided key with its fingerprint and
 * outcome, for {@code retentionMs} of the account's command time. Entries are purged through a
 * queue in decision order, so the work per command is small and the result depends only on the
 * log.
 */
final class OutcomeMemory {
    private final long retentionMs;
    private final MapState<String, RememberedOutcome> remembered;
    private final MapState<Long, RememberedKey> queue;
    private final ValueState<MemoryIndex> index;
    /**
     * The current account's index, read once per command by {@link #advanceTo}: recall and
     * remember follow it for the same command and need not read the state again.
     */
    private MemoryIndex current;

    OutcomeMemory(RuntimeContext runtime, long retentionMs) {
        this.retentionMs = retentionMs;
        remembered = runtime.getMapState(new MapStateDescriptor<>("remembered", Types.STRING,
                Types.POJO(RememberedOutcome.class)));
        queue = runtime.getMapState(new MapStateDescriptor<>("remembered-queue", Types.LONG,
                Types.POJO(RememberedKey.class)));
        index = runtime.getState(new ValueStateDescriptor<>("remembered-index", Types.POJO(MemoryIndex.class)));
    }

    /**
     * Moves the account's clock to {@code ts} if later and forgets what fell out of the window.
     * Called first for every command; recall and remember then work on what it read.
     */
    void advanceTo(long ts) throws Exception {
        MemoryIndex stored = index.value();
        MemoryIndex idx = stored != null ? stored : new MemoryIndex();
        current = idx;
        long clock = idx.clock;
        long head = idx.head;
        idx.clock = Math.max(idx.clock, ts);
        while (idx.head < idx.tail) {
            RememberedKey oldest = queue.get(idx.head);
            if (!expired(oldest.decidedAt, idx.clock)) {
                break;
            }
            RememberedOutcome entry = remembered.get(oldest.key);
            // The key may have been decided again since; then a later queue slot owns it.
            if (entry != null && expired(entry.decidedAt, idx.clock)) {
                remembered.remove(oldest.key);
            }
            queue.remove(idx.head);
            idx.head++;
        }
        if (stored == null || idx.clock != clock || idx.head != head) {
            index.update(idx);
        }
    }

    /** The entry for {@code key} if it is inside the window, else null. */
    RememberedOutcome recall(String key) throws Exception {
        RememberedOutcome entry = remembered.get(key);
        return entry == null || expired(entry.decidedAt, current.clock) ? null : entry;
    }

    void remember(String key, String fingerprint, Outcome outcome, long decidedAt) throws Exception {
        remembered.put(key, new RememberedOutcome(fingerprint, outcome, decidedAt));
        queue.put(current.tail, new RememberedKey(key, decidedAt));
        current.tail++;
        index.update(current);
    }

    /** Replaces the answer of a remembered key, keeping its window; no-op when forgotten. */
    void revise(String key, Outcome outcome) throws Exception {
        RememberedOutcome entry = recall(key);
        if (entry != null) {
            entry.outcome = outcome;
            remembered.put(key, entry);
        }
    }

    private boolean expired(long decidedAt, long clock) {
        return clock - decidedAt >= retentionMs;
    }
}
