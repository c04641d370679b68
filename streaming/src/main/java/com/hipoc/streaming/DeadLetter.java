package com.hipoc.streaming;

/** A record a job refused to read, with its original bytes and the reason. */
public class DeadLetter {

    public RawRecord record;
    public String reason;

    public DeadLetter() {
    }

    public DeadLetter(RawRecord record, String reason) {
        this.record = record;
        this.reason = reason;
    }
}
