package com.hipoc.job.processor;

import com.hipoc.events.RejectReason;

/** The verdict of {@link BalanceRules} on one command: a refusal, or the account as it becomes. */
final class Decision {
    final RejectReason reason;
    final AccountState before;
    final AccountState after;

    private Decision(RejectReason reason, AccountState before, AccountState after) {
        this.reason = reason;
        this.before = before;
        this.after = after;
    }

    static Decision rejected(RejectReason reason) {
        return new Decision(reason, null, null);
    }

    /** @param before null when the command creates the account */
    static Decision applied(AccountState before, AccountState after) {
        return new Decision(null, before, after);
    }

    boolean isApplied() {
        return reason == null;
    }

    long balanceDelta() {
        return after.balance - (before == null ? 0 : before.balance);
    }

    long heldDelta() {
        return after.held - (before == null ? 0 : before.held);
    }
}
