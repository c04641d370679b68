package com.hipoc.job.processor;

import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other tests keep state on the heap, as objects. On RocksDB, as in the job, every state
 * access goes through Flink's serializers: the processor must still agree with the reference
 * model, over a sequence long enough that the memory purges much of what it remembered.
 */
class RocksDbStateTest {
    private static final long SEED = 7;

    @Test
    void processorOnRocksDbAgreesWithTheModel(@TempDir Path checkpoints) throws Exception {
        try (ProcessorHarness processor = new ProcessorHarness(LockstepRun.RETENTION_MS,
                new EmbeddedRocksDBStateBackend(true), new FileSystemCheckpointStorage(checkpoints.toUri()))) {
            assertThat(LockstepRun.mismatch(new CommandGenerator(SEED).sequence(2_000), SEED, processor,
                    new LockstepRun.Coverage())).isNull();
        }
    }
}
