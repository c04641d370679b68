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
        o.requestId = c.requestId;
        return o;
    }

    /**
     * A remembered answer, sent again to whoever asked this time. The repeat has the original's
     * key, hence its txId.
     */
    static Outcome replay(RememberedOutcome earlier, AccountView account, Command repeat) {
        Outcome o = new Outcome();
        o.txId = repeat.txId;
        o.type = earlier.type;
        o.status = earlier.status;
        o.reason = earlier.reason;
        o.account = account;
        o.acceptedAt = earlier.acceptedAt;
        o.replyPartition = repeat.replyPartition;
        o.requestId = repeat.requestId;
        o.replayed = true;
        return o;
    }
}
