package com.hipoc.job.processor;

import com.hipoc.events.Outcome;

/** What the processor remembers of a decided txId so that a repeat changes nothing. A Flink POJO. */
public class RememberedOutcome {
    /** The request minus its ts and replyPartition: a repeat must match it exactly. */
    public String fingerprint;
    /** The answer given; null for a decision nobody waits for (a refused transfer credit). */
    public Outcome outcome;
    /** Command time of the decision; the entry is forgotten one retention window later. */
    public long decidedAt;

    public RememberedOutcome() {
    }

    RememberedOutcome(String fingerprint, Outcome outcome, long decidedAt) {
        this.fingerprint = fingerprint;
        this.outcome = outcome;
        this.decidedAt = decidedAt;
    }
}
