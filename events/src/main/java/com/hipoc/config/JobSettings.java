package com.hipoc.config;

import java.io.Serializable;

/** The Flink jobs' state and checkpoints, and how long the engine remembers a txId. */
public record JobSettings(
        String stateBackend,
        String checkpointDir,
        long checkpointIntervalMs,
        boolean stateChangelog,
        long idempotencyRetentionMs) implements Serializable {

    static JobSettings from(Settings s) {
        return new JobSettings(
                s.string("STATE_BACKEND", "rocksdb"),
                s.string("CHECKPOINT_DIR", "file:///tmp/hipoc-checkpoints"),
                s.longValue("CHECKPOINT_INTERVAL_MS", 1000),
                s.bool("STATE_CHANGELOG", false),
                s.longValue("IDEMPOTENCY_RETENTION_MS", 24L * 60 * 60 * 1000));
    }
}
