package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.job.model.AccountSnapshot;
import com.hipoc.job.model.LedgerEntry;
import com.hipoc.job.model.TransactionRecord;
import com.hipoc.job.sink.JdbcEndpoint;
import com.hipoc.job.sink.KafkaSinks;
import com.hipoc.job.sink.ReadModelSinks;
import com.hipoc.job.sink.RedisEndpoint;
import org.apache.flink.api.connector.sink2.Sink;

/** Where each output of the engine goes: Kafka, MySQL and Redis in the job, collections in tests. */
public record Sinks(
        Sink<Outcome> outcomes,
        Sink<Command> legs,
        Sink<DeadLetter> deadLetters,
        Sink<LedgerEntry> ledger,
        Sink<TransactionRecord> transactions,
        Sink<AccountSnapshot> accountRows,
        Sink<AccountSnapshot> accountCache) {

    public static Sinks production(HipocConfig config) {
        JdbcEndpoint mysql = JdbcEndpoint.of(config);
        return new Sinks(
                KafkaSinks.outcomes(config),
                KafkaSinks.legs(config),
                KafkaSinks.deadLetters(config),
                ReadModelSinks.ledger(mysql),
                ReadModelSinks.transactions(mysql),
                ReadModelSinks.accountRows(mysql),
                ReadModelSinks.accountCache(RedisEndpoint.of(config)));
    }
}
