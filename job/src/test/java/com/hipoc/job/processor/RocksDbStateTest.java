package com.hipoc.job.processor;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other tests keep state on the heap, as objects. On RocksDB, as in the job, every state
 * access goes through Flink's serializers: the processor must still agree with the reference
 * model, over a sequence long enough that the memory purges much of what it remembered. RocksDB
 * is configured from the cluster's {@code flink-conf/config.yaml}, as the TaskManager does.
 */
class RocksDbStateTest {
    private static final long SEED = 7;

    @Test
    void processorOnTheClustersRocksDbAgreesWithTheModel(@TempDir Path checkpoints, @TempDir Path rocksDbDir) throws Exception {
        Configuration cluster = GlobalConfiguration.loadConfiguration("../flink-conf");
        cluster.setString("state.backend.rocksdb.localdir", rocksDbDir.toString());
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend(true).configure(cluster, getClass().getClassLoader());
        try (ProcessorHarness processor = new ProcessorHarness(LockstepRun.RETENTION_MS, rocksDb,
                new FileSystemCheckpointStorage(checkpoints.toUri()))) {
            assertThat(LockstepRun.mismatch(new CommandGenerator(SEED).sequence(2_000), SEED, processor,
                    new LockstepRun.Coverage())).isNull();
            // Flink ignores a RocksDB option it does not know, and one set anywhere but the
            // cluster's configuration (BENCHMARKS.md): read what RocksDB itself wrote.
            assertThat(optionsFiles(rocksDbDir)).isNotEmpty().allSatisfy(options -> assertThat(options)
                    .contains("compaction_style=kCompactionStyleUniversal")
                    .containsPattern("compression_per_level=kNoCompression(:kNoCompression){6}\\s")
                    .doesNotContain("compaction_style=kCompactionStyleLevel"));
        }
    }

    private static List<String> optionsFiles(Path rocksDbDir) throws Exception {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rocksDbDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-")).toList()) {
                contents.add(Files.readString(file));
            }
        }
        return contents;
    }
}
