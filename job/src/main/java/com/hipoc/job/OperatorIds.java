package com.hipoc.job;

import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

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
    public static final Operator DEAD_LETTER_SINK = new Operator("dead-letter-sink", "balance.dlq sink");
    public static final Operator LEDGER_SINK = new Operator("ledger-sink", "MySQL ledger_entries");
    public static final Operator TRANSACTION_SINK = new Operator("transaction-sink", "MySQL transactions");
    public static final Operator ACCOUNT_ROW_SINK = new Operator("account-row-sink", "MySQL accounts");
    public static final Operator ACCOUNT_CACHE_SINK = new Operator("account-cache-sink", "Redis accounts");

    private OperatorIds() {
    }

    public record Operator(String uid, String name) {
        public <T> SingleOutputStreamOperator<T> applyTo(SingleOutputStreamOperator<T> operator) {
            return operator.uid(uid).name(name);
        }

        public <T> DataStreamSink<T> applyTo(DataStreamSink<T> sink) {
            return sink.uid(uid).name(name);
        }
    }
}
