package com.hipoc.config;

import java.io.Serializable;

/**
 * The Flink jobs' state and checkpoints, how long the engine remembers a txId, and how many
 * account records each engine subtask keeps on its heap.
 */
public record JobSettings(
        String stateBackend,
        String checkpointDir,
        long checkpointIntervalMs,
        long idempotencyRetentionMs,
        int cachedAccounts) implements Serializable {

    public JobSettings {
        if (cachedAccounts < 0) {
            throw new IllegalArgumentException("CACHED_ACCOUNTS must be 0 or more, got " + cachedAccounts);
        }
    }

    static JobSettings from(Settings s) {
        return new JobSettings(
                s.string("STATE_BACKEND", "rocksdb"),
                s.string("CHECKPOINT_DIR", "file:///tmp/hipoc-checkpoints"),
                s.longValue("CHECKPOINT_INTERVAL_MS", 1000),
                s.longValue("IDEMPOTENCY_RETENTION_MS", 24L * 60 * 60 * 1000),
                s.integer("CACHED_ACCOUNTS", 100_000));
    }
}
