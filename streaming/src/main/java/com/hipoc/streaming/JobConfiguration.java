package com.hipoc.streaming;

import com.hipoc.config.HipocConfig;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

import java.time.Duration;

/** The Flink settings both jobs need, whichever cluster or local runner starts them. */
public final class JobConfiguration {
    /**
     * Fixed for the life of the job: state is split into this many key groups, and a savepoint
     * only restores into a job with the same number.
     */
    public static final int MAX_PARALLELISM = 4096;

    private JobConfiguration() {
    }

    public static Configuration of(HipocConfig config) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, config.jobs().stateBackend());
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.jobs().checkpointDir());
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(config.jobs().checkpointIntervalMs()));
        // Aligned checkpoints: the state must hold exactly the commands before the source
        // offsets it is stored with, or a replay would decide some commands twice. Only the
        // outputs are at-least-once.
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // Kryo-serialized state cannot gain fields across savepoints; fail at build time instead.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.MAX_PARALLELISM, MAX_PARALLELISM);
        return conf;
    }
}
