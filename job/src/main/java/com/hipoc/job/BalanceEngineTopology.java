package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.job.processor.AccountProcessor;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The balance-engine's dataflow, the one place it is defined: the job runs it on Kafka, MySQL
 * and Redis, tests on bounded lists and collecting sinks.
 *
 * <pre>
 * command-source ─► command-decoder ─┬─ undecodable ─► dead-letter-sink
 *                                    └─ keyBy(account) ─► account-processor ─┬─► outcome-sink
 *                                                                            ├─ legs ─► leg-sink
 *                                                                            ├─ ledger ─► ledger-sink
 *                                                                            ├─ transactions ─► transaction-sink
 *                                                                            └─ accounts ─► account-row-sink, account-cache-sink
 * </pre>
 */
public final class BalanceEngineTopology {
    private BalanceEngineTopology() {
    }

    public static void build(StreamExecutionEnvironment env, Sources sources, Sinks sinks, long retentionMs) {
        DataStreamSource<RawCommand> raw = sources.commands(env);
        OperatorIds.COMMAND_SOURCE.applyTo(raw);
        // Same parallelism as the source, so decoding stays a forward (chained) step and the
        // records of one partition keep their order up to the keyBy.
        SingleOutputStreamOperator<Command> commands = OperatorIds.COMMAND_DECODER.applyTo(
                raw.process(new CommandDecoder()).setParallelism(raw.getParallelism()));
        OperatorIds.DEAD_LETTER_SINK.applyTo(commands.getSideOutput(CommandDecoder.UNDECODABLE).sinkTo(sinks.deadLetters()));

        SingleOutputStreamOperator<Outcome> outcomes = OperatorIds.ACCOUNT_PROCESSOR.applyTo(
                commands.keyBy(new CommandAccount()).process(new AccountProcessor(retentionMs)));
        OperatorIds.OUTCOME_SINK.applyTo(outcomes.sinkTo(sinks.outcomes()));
        OperatorIds.LEG_SINK.applyTo(outcomes.getSideOutput(AccountProcessor.LEGS).sinkTo(sinks.legs()));
        // The read-model sinks stay chained to the processor: unchained, they ran 30% slower on
        // two cores (BENCHMARKS.md), the serialisation between tasks costing more CPU than
        // overlapping the MySQL round trips saved.
        OperatorIds.LEDGER_SINK.applyTo(outcomes.getSideOutput(AccountProcessor.LEDGER).sinkTo(sinks.ledger()));
        OperatorIds.TRANSACTION_SINK.applyTo(
                outcomes.getSideOutput(AccountProcessor.TRANSACTIONS).sinkTo(sinks.transactions()));
        OperatorIds.ACCOUNT_ROW_SINK.applyTo(outcomes.getSideOutput(AccountProcessor.ACCOUNTS).sinkTo(sinks.accountRows()));
        OperatorIds.ACCOUNT_CACHE_SINK.applyTo(
                outcomes.getSideOutput(AccountProcessor.ACCOUNTS).sinkTo(sinks.accountCache()));
    }
}
