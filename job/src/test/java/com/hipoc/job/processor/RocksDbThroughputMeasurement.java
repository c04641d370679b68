package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.sun.management.OperatingSystemMXBean;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Commands per second of the processor on RocksDB with the cluster's options
 * ({@code flink-conf/config.yaml}), in the operator harness on one thread, with an incremental
 * checkpoint every {@code hipoc.measure.checkpointEvery} commands as the job takes one a second.
 * Accounts are opened first (not timed), then the bench's mix runs, transfer legs fed back
 * right behind their transfer. Besides commands per second, the CPU per command of the harness's
 * thread (decisions, state reads and writes, each checkpoint's synchronous part) and of the rest
 * of the JVM (mostly RocksDB's flushes and compactions). Prints figures, asserts none; not part of
 * the CI suite:
 * <pre>mvn -B -o -pl job test -Dtest=RocksDbThroughputMeasurement -Dhipoc.measure.processor=300000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Optional: {@code -Dhipoc.measure.accounts} (default 100,000), {@code -Dhipoc.measure.checkpointEvery}
 * (client commands, default 20,000), {@code -Dhipoc.measure.cachedAccounts} (the processor's account
 * cache; the harness's default is 2).
 */
@EnabledIfSystemProperty(named = "hipoc.measure.processor", matches = "\\d+")
class RocksDbThroughputMeasurement {
    private static final long DAY = 24L * 60 * 60 * 1000;

    private final int commands = Integer.getInteger("hipoc.measure.processor");
    private final int accounts = Integer.getInteger("hipoc.measure.accounts", 100_000);
    private final int checkpointEvery = Integer.getInteger("hipoc.measure.checkpointEvery", 20_000);

    @Test
    void measuresCommandsPerSecond(@TempDir Path checkpoints) throws Exception {
        Configuration cluster = GlobalConfiguration.loadConfiguration("../flink-conf");
        // About what a slot of `bin/hipoc local`'s TaskManager gives RocksDB; the harness's own is 32 MB.
        cluster.setString("state.backend.rocksdb.memory.fixed-per-slot", "200mb");
        EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend()
                .configure(cluster, getClass().getClassLoader());
        LedgerWorkload workload = new LedgerWorkload(accounts, 1);
        try (ProcessorHarness processor = new ProcessorHarness(DAY, rocksDb,
                new FileSystemCheckpointStorage(checkpoints.toUri()))) {
            for (int i = 0; i < accounts; i++) {
                processor.send(workload.opening(i));
            }
            processor.checkpoint();
            long decided = 0;
            long uploaded = 0;
            long stateSize = 0;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long started = System.nanoTime();
            long threadStarted = threads.getCurrentThreadCpuTime();
            long processStarted = os.getProcessCpuTime();
            for (int i = 1; i <= commands; i++) {
                decided += decide(processor, workload.next());
                if (i % checkpointEvery == 0) {
                    OperatorSubtaskState checkpoint = processor.checkpoint();
                    uploaded += checkpoint.getCheckpointedSize();
                    stateSize = checkpoint.getStateSize();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long threadNanos = threads.getCurrentThreadCpuTime() - threadStarted;
            long restNanos = os.getProcessCpuTime() - processStarted - threadNanos;
            System.out.printf("processor on RocksDB in the harness: %d accounts, %d commands with legs in %.2f s"
                    + " = %.0f commands/s; checkpoint every %d client commands, %.0f bytes uploaded per command,"
                    + " state %d MB at the end; CPU per command: harness thread %.1f us, rest of the JVM %.1f us%n",
                    accounts, decided, seconds, decided / seconds, checkpointEvery, (double) uploaded / decided,
                    stateSize >> 20, threadNanos / 1e3 / decided, restNanos / 1e3 / decided);
        }
    }

    /** @return the commands decided: this one and the legs it wrote */
    private static int decide(ProcessorHarness processor, Command c) throws Exception {
        int decided = 1;
        for (Command leg : processor.send(c).legs) {
            decided += decide(processor, leg);
        }
        return decided;
    }
}
