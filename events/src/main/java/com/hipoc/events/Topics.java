package com.hipoc.events;

/** Kafka topic names shared by the ingress and the jobs. */
public final class Topics {
    public static final String COMMANDS = "balance.commands";
    public static final String RESULTS = "balance.results";
    /** Every decision of the engine, in order per account: the read models' input (API.md, "Event stream"). */
    public static final String EVENTS = "balance.events";
    /** Records a job refused to read, byte for byte, with the reason in a header. */
    public static final String DEAD_LETTERS = "balance.dlq";

    private Topics() {
    }
}
