package com.hipoc.readmodels;

import com.hipoc.events.BalanceEvent;
import com.hipoc.streaming.RawRecord;
import com.hipoc.streaming.RecordDecoder;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The read-models job's dataflow, the one place it is defined: the job runs it on Kafka, MySQL
 * and Redis, tests on bounded lists and collecting sinks.
 *
 * <pre>
 * event-source ─► event-decoder ─┬─ undecodable ─► dead-letter-sink
 *                                └─► event-rows ─┬─ ledger entries ─► ledger-sink (each with the account after it)
 *                                                ├─ transactions ──► transaction-sink
 *                                                └─ accounts ──────► account-cache-sink
 * </pre>
 *
 * Every operator runs at the source's parallelism, so the whole job is one forward chain per
 * subtask and there is no keyBy: an account's events are in one partition, so one subtask reads
 * them, in decision order, and hands its rows to its own sinks in that order, with no shuffle.
 * Nothing relies on an order across accounts or subtasks: every table and Redis take a row only
 * if it is new or newer (the transaction rows of a transfer come from both its accounts).
 */
public final class ReadModelsTopology {
    private ReadModelsTopology() {
    }

    public static void build(StreamExecutionEnvironment env, Sources sources, Sinks sinks) {
        // Chained operators pass records on without a deep copy: no operator here changes a
        // record it has emitted or received, and the writers only read the rows they hold.
        env.getConfig().enableObjectReuse();
        DataStreamSource<RawRecord> raw = sources.events(env);
        OperatorIds.EVENT_SOURCE.applyTo(raw);
        int parallelism = raw.getParallelism();
        SingleOutputStreamOperator<BalanceEvent> events = OperatorIds.EVENT_DECODER.applyTo(
                raw.process(new EventDecoder()).setParallelism(parallelism));
        OperatorIds.DEAD_LETTER_SINK.applyTo(
                events.getSideOutput(RecordDecoder.UNDECODABLE).sinkTo(sinks.deadLetters()).setParallelism(parallelism));

        SingleOutputStreamOperator<Posting> ledger = OperatorIds.EVENT_ROWS.applyTo(
                events.process(new EventRows()).setParallelism(parallelism));
        OperatorIds.LEDGER_SINK.applyTo(ledger.sinkTo(sinks.ledger()).setParallelism(parallelism));
        OperatorIds.TRANSACTION_SINK.applyTo(
                ledger.getSideOutput(EventRows.TRANSACTIONS).sinkTo(sinks.transactions()).setParallelism(parallelism));
        OperatorIds.ACCOUNT_CACHE_SINK.applyTo(
                ledger.getSideOutput(EventRows.ACCOUNTS).sinkTo(sinks.accountCache()).setParallelism(parallelism));
    }
}
