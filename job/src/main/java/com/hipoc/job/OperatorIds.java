package com.hipoc.job;

import com.hipoc.streaming.Operator;

/**
 * The uid and display name of every operator of the balance-engine. A uid is how a savepoint
 * finds an operator's state again: never change one, only add new ones.
 */
public final class OperatorIds {
    public static final Operator COMMAND_SOURCE = new Operator("command-source", "balance.commands source");
    public static final Operator COMMAND_DECODER = new Operator("command-decoder", "decode commands");
    public static final Operator ACCOUNT_PROCESSOR = new Operator("account-processor", "AccountProcessor");
    public static final Operator OUTCOME_SINK = new Operator("outcome-sink", "balance.results sink");
    public static final Operator LEG_SINK = new Operator("leg-sink", "legs to balance.commands");
    public static final Operator EVENT_SINK = new Operator("event-sink", "balance.events sink");
    public static final Operator DEAD_LETTER_SINK = new Operator("dead-letter-sink", "balance.dlq sink");

    private OperatorIds() {
    }
}
