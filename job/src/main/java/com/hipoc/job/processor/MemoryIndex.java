package com.hipoc.job.processor;

/**
 * Per-account bookkeeping of the idempotency memory, kept in the account's {@link AccountRecord}:
 * the account's clock and how far its memory has been purged.
 */
public class MemoryIndex {
    /**
     * The highest command ts this account has seen. Retention is measured against it rather than
     * against the current command's ts, so a late-stamped command cannot see an entry that an
     * earlier, later-stamped command already purged.
     */
    public long clock = Long.MIN_VALUE;
    /** Every generation below this one has been purged; nothing is remembered in them. */
    public long purgedBelow = Long.MIN_VALUE;

    public MemoryIndex() {
    }
}
