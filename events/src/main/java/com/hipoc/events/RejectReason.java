package com.hipoc.events;

/** API.md's 422 reasons, plus the 409 idempotency conflict, which is also a decision. */
public enum RejectReason {
    INSUFFICIENT_FUNDS, CURRENCY_MISMATCH, ACCOUNT_NOT_FOUND, ACCOUNT_FROZEN, ACCOUNT_CLOSED,
    MAX_BALANCE_EXCEEDED, HOLD_NOT_FOUND, HOLD_EXCEEDED, ACCOUNT_NOT_EMPTY,
    IDEMPOTENCY_CONFLICT
}
