package com.hipoc.job.processor;

import com.hipoc.events.AccountView;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;

/** Builds the answers the processor sends to requesters. */
final class Outcomes {
    private Outcomes() {
    }

    static Outcome of(Command c, OutcomeStatus status, RejectReason reason, AccountView account) {
        Outcome o = new Outcome();
        o.txId = c.txId;
        o.type = c.type.isLeg() ? CommandType.TRANSFER : c.type;
        o.status = status;
        o.reason = reason;
        o.account = account;
        o.acceptedAt = c.ts;
        o.replyPartition = c.replyPartition;
        return o;
    }

    /** A remembered answer, sent again to whoever asked this time. */
    static Outcome replay(Outcome original, int replyPartition) {
        Outcome o = new Outcome();
        o.txId = original.txId;
        o.type = original.type;
        o.status = original.status;
        o.reason = original.reason;
        o.account = original.account;
        o.acceptedAt = original.acceptedAt;
        o.replyPartition = replyPartition;
        o.replayed = true;
        return o;
    }
}
