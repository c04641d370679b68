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
    /**
     * The oldest generation that may hold an entry, {@link #NONE} when nothing is remembered:
     * recall reads no generation below it, so an account whose entries all sit in the current
     * generation costs one state read per command instead of two. {@link #UNKNOWN} (every live
     * generation may) for records stored before it was kept, until their next purge counts.
     */
    public long firstRemembered = NONE;

    public static final long NONE = Long.MAX_VALUE;
    public static final long UNKNOWN = Long.MIN_VALUE;

    public MemoryIndex() {
    }
}
