package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.TransactionRecord;
import com.hipoc.streaming.DeadLetter;
import com.hipoc.streaming.KafkaSinks;
import org.apache.flink.api.connector.sink2.Sink;

/** Where each kind of row goes: MySQL, Redis and the dead-letter topic in the job, collections in tests. */
public record Sinks(
        Sink<Posting> ledger,
        Sink<TransactionRecord> transactions,
        Sink<AccountSnapshot> accountCache,
        Sink<DeadLetter> deadLetters) {

    /**
     * Batches of 1000 rows: where MariaDB's batched inserts level off (STACK.md); a LOAD DATA of
     * 10,000 cost the server no less per row (docs/read-models.md).
     */
    public static final int BATCH_SIZE = 1000;

    public static Sinks stores(HipocConfig config) {
        JdbcEndpoint mysql = JdbcEndpoint.of(config);
        RedisEndpoint redis = RedisEndpoint.of(config);
        return new Sinks(
                new MysqlSink<>(metrics -> new JdbcBatchWriter<>(mysql, new LedgerTable(), new AppendBatch<>(), BATCH_SIZE,
                        metrics)),
                new MysqlSink<>(metrics -> new JdbcBatchWriter<>(mysql, new TransactionTable(),
                        LatestPerKeyBatch.transactions(), BATCH_SIZE, metrics)),
                new StoreSink<>(metrics -> new RedisAccountWriter(redis, BATCH_SIZE, metrics)),
                KafkaSinks.deadLetters(config.kafka().brokers()));
    }
}
