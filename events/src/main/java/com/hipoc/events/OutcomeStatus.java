package com.hipoc.events;

/** API.md's outcome statuses. PENDING, COMPLETED and FAILED belong to transfers only. */
public enum OutcomeStatus {
    APPLIED, REJECTED, PENDING, COMPLETED, FAILED;

    /** Whether HTTP answers 200 (the command took effect as asked) rather than 422. */
    public boolean isSuccess() {
        return this == APPLIED || this == COMPLETED || this == PENDING;
    }
}
