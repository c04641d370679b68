package com.hipoc.job.processor;

/**
 * Per-account bookkeeping of the idempotency memory: the account's clock and the bounds of its
 * purge queue. A Flink POJO, kept in the account's {@link AccountRecord}.
 */
public class MemoryIndex {
    /**
     * The highest command ts this account has seen. Retention is measured against it rather than
     * against the current command's ts, so a late-stamped command cannot see an entry that an
     * earlier, later-stamped command already purged.
     */
    public long clock = Long.MIN_VALUE;
    /** Slot of the oldest queued key. */
    public long head;
    /** Slot the next key goes into. */
    public long tail;
    /**
     * When the key in slot {@code head} was decided (meaningless while the queue is empty), so
     * that a command learns that nothing is due for purging without reading the queue.
     */
    public long oldestDecidedAt;

    public MemoryIndex() {
    }
}
