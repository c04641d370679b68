package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;

/** The sinks that keep MySQL and Redis exact copies of what the engine decided. */
public final class ReadModelSinks {
    /** Batches of 1000 rows: where MariaDB's batched inserts level off (STACK.md). */
    public static final int BATCH_SIZE = 1000;

    private ReadModelSinks() {
    }

    public static JdbcBatchSink<LedgerEntry> ledger(JdbcEndpoint endpoint) {
        return new JdbcBatchSink<>(endpoint, new LedgerTable(), AppendBatch::new, BATCH_SIZE);
    }

    public static JdbcBatchSink<TransactionRecord> transactions(JdbcEndpoint endpoint) {
        return new JdbcBatchSink<>(endpoint, new TransactionTable(), AppendBatch::new, BATCH_SIZE);
    }

    public static JdbcBatchSink<AccountSnapshot> accountRows(JdbcEndpoint endpoint) {
        return new JdbcBatchSink<>(endpoint, new AccountTable(), NewestAccountBatch::new, BATCH_SIZE);
    }

    public static RedisAccountSink accountCache(RedisEndpoint endpoint) {
        return new RedisAccountSink(endpoint, BATCH_SIZE);
    }
}
