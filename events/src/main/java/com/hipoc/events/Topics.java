package com.hipoc.events;

/** Kafka topic names shared by the ingress and the job. */
public final class Topics {
    public static final String COMMANDS = "balance.commands";
    public static final String RESULTS = "balance.results";

    private Topics() {
    }
}
