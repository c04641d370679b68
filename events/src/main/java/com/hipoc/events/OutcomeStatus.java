package com.hipoc.events;

/** API.md's outcome statuses. PENDING, COMPLETED and FAILED belong to transfers only. */
public enum OutcomeStatus {
    APPLIED, REJECTED, PENDING, COMPLETED, FAILED
}
