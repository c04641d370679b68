package com.hipoc.job.processor;

import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;

/**
 * What the processor remembers of a decided key so that a repeat changes nothing: its
 * fingerprint, and the answer given less what the repeat itself carries (the txId, which its key
 * holds, and where to reply). A Flink POJO.
 */
public class RememberedOutcome {
    /** {@link CommandShape#fingerprint}: a repeat must match it exactly. */
    public String fingerprint;
    /** Command time of the decision; the entry is forgotten one retention window later. */
    public long decidedAt;
    /** Null for a decision nobody waits for (a refused transfer credit); the fields below are then unset. */
    public OutcomeStatus status;
    public CommandType type;
    public RejectReason reason;
    public AccountView account;
    public long acceptedAt;

    public RememberedOutcome() {
    }

    /** @param answer the outcome sent, or null when nobody waits for one */
    RememberedOutcome(String fingerprint, Outcome answer, long decidedAt) {
        this.fingerprint = fingerprint;
        this.decidedAt = decidedAt;
        if (answer != null) {
            answer(answer);
        }
    }

    /** Keeps what a replay of {@code o} needs; a refund's FAILED replaces its transfer's PENDING this way. */
    void answer(Outcome o) {
        status = o.status;
        type = o.type;
        reason = o.reason;
        account = o.account;
        acceptedAt = o.acceptedAt;
    }

    boolean wasAnswered() {
        return status != null;
    }
}
