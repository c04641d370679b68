package com.hipoc.job.processor;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

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

    /** RocksDB deletes files as it runs (compactions, older OPTIONS files): what vanished is skipped. */
    private static List<String> optionsFiles(Path rocksDbDir) throws IOException {
        List<String> contents = new ArrayList<>();
        Files.walkFileTree(rocksDbDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (file.getFileName().toString().startsWith("OPTIONS-")) {
                    try {
                        contents.add(Files.readString(file));
                    } catch (NoSuchFileException replacedByANewerOne) {
                        // RocksDB replaced it with a newer OPTIONS file while the walk ran: nothing left to read.
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return contents;
    }
}
