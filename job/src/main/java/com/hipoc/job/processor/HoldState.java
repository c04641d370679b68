package com.hipoc.job.processor;

/** Funds reserved by a HOLD, keyed in state by the hold's txId. A Flink POJO. */
public class HoldState {
    public long amount;
    /** Command time at which the hold lapses; null when it never does. */
    public Long expiresAt;

    public HoldState() {
    }

    HoldState(long amount, Long expiresAt) {
        this.amount = amount;
        this.expiresAt = expiresAt;
    }

    /**
     * A command stamped at or after the expiry sees the hold as gone even before the
     * HOLD_EXPIRY command is read back, so its decision does not depend on which came first.
     */
    boolean lapsedAt(long ts) {
        return expiresAt != null && ts >= expiresAt;
    }
}
