package com.hipoc.readmodels;

import com.hipoc.streaming.Operator;

/**
 * The uid and display name of every operator of the read-models job. A uid is how a savepoint
 * finds an operator's state again: never change one, only add new ones.
 */
public final class OperatorIds {
    public static final Operator EVENT_SOURCE = new Operator("event-source", "balance.events source");
    public static final Operator EVENT_DECODER = new Operator("event-decoder", "decode events");
    public static final Operator EVENT_ROWS = new Operator("event-rows", "split events into rows");
    public static final Operator LEDGER_SINK = new Operator("ledger-sink", "ledger_entries sink");
    public static final Operator TRANSACTION_SINK = new Operator("transaction-sink", "transactions sink");
    public static final Operator ACCOUNT_CACHE_SINK = new Operator("account-cache-sink", "Redis accounts sink");
    public static final Operator DEAD_LETTER_SINK = new Operator("dead-letter-sink", "balance.dlq sink");

    private OperatorIds() {
    }
}
