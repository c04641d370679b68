package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import com.hipoc.streaming.DeadLetter;
import com.hipoc.streaming.KafkaSinks;
import org.apache.flink.api.connector.sink2.Sink;

/** Where each kind of row goes: MySQL, Redis and the dead-letter topic in the job, collections in tests. */
public record Sinks(
        Sink<LedgerEntry> ledger,
        Sink<TransactionRecord> transactions,
        Sink<AccountSnapshot> accountRows,
        Sink<AccountSnapshot> accountCache,
        Sink<DeadLetter> deadLetters) {

    /** Batches of 1000 rows: where MariaDB's batched inserts level off (STACK.md). */
    public static final int BATCH_SIZE = 1000;

    public static Sinks stores(HipocConfig config) {
        JdbcEndpoint mysql = JdbcEndpoint.of(config);
        return new Sinks(
                new JdbcBatchSink<>(mysql, new LedgerTable(), AppendBatch::new, BATCH_SIZE),
                new JdbcBatchSink<>(mysql, new TransactionTable(), LatestPerKeyBatch::transactions, BATCH_SIZE),
                new JdbcBatchSink<>(mysql, new AccountTable(), LatestPerKeyBatch::accounts, BATCH_SIZE),
                new RedisAccountSink(RedisEndpoint.of(config), BATCH_SIZE),
                KafkaSinks.deadLetters(config.kafkaBrokers()));
    }
}
