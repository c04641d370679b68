package com.hipoc.job;

/** A command record the engine refused to decide, with its original bytes and the reason. */
public class DeadLetter {
    public static final String TOPIC = "balance.dlq";

    public RawCommand record;
    public String reason;

    public DeadLetter() {
    }

    public DeadLetter(RawCommand record, String reason) {
        this.record = record;
        this.reason = reason;
    }
}
