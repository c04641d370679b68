package com.hipoc.job.processor;

import org.apache.flink.api.common.state.ValueState;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processor's account records: a keyed value in the state backend, read through a bounded
 * cache of the most recently used ones. Reading a record from RocksDB is one of the processor's
 * largest costs (BENCHMARKS.md); writes still go to the state backend at once, so checkpoints
 * and savepoints hold exactly what they would without the cache. Only this subtask writes its
 * keys and a restore starts from a new, empty cache, so a cached record is never stale.
 */
final class AccountRecords {
    private final ValueState<AccountRecord> stored;
    private final Map<String, AccountRecord> recent;

    AccountRecords(ValueState<AccountRecord> stored, int capacity) {
        this.stored = stored;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccountRecord> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The current key's record, a new one if it has none; the caller may change it in place but
     * must then {@link #update} it before the next command.
     */
    AccountRecord of(String account) throws IOException {
        AccountRecord record = recent.get(account);
        if (record == null) {
            AccountRecord read = stored.value();
            record = read != null ? read : new AccountRecord();
            recent.put(account, record);
        }
        return record;
    }

    /** Stores the current key's record, as returned by {@link #of} and changed since. */
    void update(AccountRecord record) throws IOException {
        stored.update(record);
    }
}
