package com.hipoc.job.processor;

import com.hipoc.events.Outcome;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;

import java.util.Iterator;

/**
 * The idempotency memory of the current account: each decided key with its fingerprint and
 * outcome, for {@code retentionMs} of the account's command time. Keys are filed by generation,
 * a span of command time one retention window long: a key is looked up in the (at most two)
 * generations that can still hold it, and a generation is purged whole once all of it has left
 * the window. No queue is written per command, at the price of keeping a purged entry up to one
 * more window. The result depends only on the log.
 */
final class OutcomeMemory {
    private final long retentionMs;
    private final MapState<RememberedKey, RememberedOutcome> remembered;
    /** The current account, given by {@link #advanceTo}; recall and remember work on it. */
    private MemoryIndex index;
    private String accountId;
    private String currency;
    private boolean indexChanged;

    OutcomeMemory(RuntimeContext runtime, long retentionMs) {
        this.retentionMs = retentionMs;
        remembered = runtime.getMapState(new MapStateDescriptor<>("remembered-by-generation",
                new RememberedKeySerializer(), new RememberedOutcomeSerializer()));
    }

    /**
     * Moves the account's clock to {@code ts} if later and forgets the generations that left the
     * window. Called first for every command; recall and remember then work on this account.
     */
    void advanceTo(AccountRecord record, String account, long ts) throws Exception {
        index = record.memory;
        accountId = account;
        currency = record.account == null ? null : record.account.currency;
        long clock = index.clock;
        index.clock = Math.max(index.clock, ts);
        indexChanged = index.clock != clock;
        long firstLive = generation(index.clock - retentionMs + 1);
        if (index.purgedBelow >= firstLive) {
            return;
        }
        if (index.purgedBelow != Long.MIN_VALUE) {
            purgeBelow(firstLive);
        }
        index.purgedBelow = firstLive;
        indexChanged = true;
    }

    /** Whether the current account's index changed since {@link #advanceTo} and must be stored. */
    boolean indexChanged() {
        return indexChanged;
    }

    /** The entry for {@code key} if it is inside the window, else null. */
    RememberedOutcome recall(String key) throws Exception {
        long oldest = Math.max(index.purgedBelow, index.firstRemembered);
        for (long g = generation(index.clock); g >= oldest; g--) {
            RememberedOutcome entry = remembered.get(new RememberedKey(g, key));
            if (entry != null) {
                return expired(entry.decidedAt) ? null : entry;
            }
        }
        return null;
    }

    /** @param outcome null when nobody waits for one */
    void remember(String key, long fingerprint, Outcome outcome, long decidedAt) throws Exception {
        if (!expired(decidedAt)) {
            long g = generation(decidedAt);
            remembered.put(new RememberedKey(g, key),
                    new RememberedOutcome(fingerprint, outcome, decidedAt, accountId, currency));
            if (g < index.firstRemembered) {
                index.firstRemembered = g;
                indexChanged = true;
            }
        }
    }

    /** Replaces the answer of a remembered key, keeping its window; no-op when forgotten. */
    void revise(String key, Outcome outcome) throws Exception {
        RememberedOutcome entry = recall(key);
        if (entry != null) {
            entry.answer(outcome, accountId, currency);
            remembered.put(new RememberedKey(generation(entry.decidedAt), key), entry);
        }
    }

    /**
     * Once per generation and account: every entry is read, since only RocksDB keeps them in
     * order, and the oldest generation left is counted on the way.
     */
    private void purgeBelow(long firstLive) throws Exception {
        long firstLeft = MemoryIndex.NONE;
        Iterator<RememberedKey> keys = remembered.keys().iterator();
        while (keys.hasNext()) {
            long g = keys.next().generation();
            if (g < firstLive) {
                keys.remove();
            } else {
                firstLeft = Math.min(firstLeft, g);
            }
        }
        index.firstRemembered = firstLeft;
    }

    private long generation(long ts) {
        return Math.floorDiv(ts, retentionMs);
    }

    private boolean expired(long decidedAt) {
        return index.clock - decidedAt >= retentionMs;
    }
}
