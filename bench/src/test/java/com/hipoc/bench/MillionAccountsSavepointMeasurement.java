package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import com.hipoc.local.FlinkRest;
import com.hipoc.local.FreePort;
import com.hipoc.local.HipocJob;
import com.hipoc.local.JobDeployment;
import com.hipoc.local.LocalOptions;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import com.hipoc.local.RestorePoint;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How long a savepoint and a restore take for a large engine state: one deposit each on
 * {@code -Dhipoc.measure.accounts} accounts (so that many account states and remembered txIds),
 * produced straight into Kafka against the real local stack. Not part of the CI suite:
 * <pre>mvn -B -o -pl bench verify -Dtest=MillionAccountsSavepointMeasurement -Dhipoc.measure.accounts=1000000</pre>
 */
@EnabledIfSystemProperty(named = "hipoc.measure.accounts", matches = "\\d+")
class MillionAccountsSavepointMeasurement {
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(30);

    @Test
    void savepointAndRestore(@TempDir Path dataDir) throws Exception {
        int accounts = Integer.parseInt(System.getProperty("hipoc.measure.accounts"));
        RepoLayout repo = RepoLayout.locate();
        try (LocalStack stack = LocalStack.start(LocalOptions.embedded(dataDir, FreePort.find(), FreePort.find(), repo),
                new Progress(System.out))) {
            String brokers = stack.endpoints().services().kafkaBrokers();
            FlinkRest rest = new FlinkRest(stack.endpoints().flinkUrl());
            long decidedBefore = outcomesWritten(brokers);

            long start = System.nanoTime();
            produceDeposits(brokers, accounts);
            report("produced %d deposits", start, accounts);
            awaitOutcomes(brokers, decidedBefore + accounts);
            report("all %d decided (outcomes in balance.results)", start, accounts);

            start = System.nanoTime();
            String savepoint = JobDeployment.active(rest, HipocJob.BALANCE_ENGINE).orElseThrow()
                    .stopWithSavepoint(dataDir.resolve("measured"));
            report("savepoint of %d accounts, %d MB, in %s", start, accounts, megabytes(savepoint), savepoint);

            for (int parallelism : new int[] {2, 1}) {
                start = System.nanoTime();
                JobDeployment restored = JobDeployment.submit(rest, HipocJob.BALANCE_ENGINE, repo.jar(HipocJob.BALANCE_ENGINE),
                        OptionalInt.of(parallelism), Optional.of(RestorePoint.savepoint(savepoint)), Duration.ofMinutes(15));
                report("restore at parallelism %d until RUNNING", start, parallelism);
                if (parallelism == 2) {
                    start = System.nanoTime();
                    savepoint = restored.stopWithSavepoint(dataDir.resolve("measured"));
                    report("second savepoint (state unchanged) %s", start, savepoint);
                }
            }
        }
    }

    private static void produceDeposits(String brokers, int accounts) {
        Map<String, Object> props = Map.of("bootstrap.servers", brokers, "acks", "all", "linger.ms", 5,
                "compression.type", "lz4", "batch.size", 262144);
        long ts = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < accounts; i++) {
                Command deposit = Command.of(CommandType.DEPOSIT, "m-" + i, "acct-" + i, 100L, "USD", ts);
                producer.send(new ProducerRecord<>(Topics.COMMANDS, deposit.account.getBytes(StandardCharsets.UTF_8),
                        WireJson.encode(deposit)));
            }
        }
    }

    private static void awaitOutcomes(String brokers, long total) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESSING_TIMEOUT.toNanos();
        long written = outcomesWritten(brokers);
        while (written < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + written + " of " + total + " outcomes after " + PROCESSING_TIMEOUT);
            }
            Thread.sleep(1000);
            written = outcomesWritten(brokers);
        }
    }

    /** Every decided command writes one outcome, so the end offsets of balance.results count decisions. */
    private static long outcomesWritten(String brokers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", brokers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            int partitions = consumer.partitionsFor(Topics.RESULTS).size();
            return consumer.endOffsets(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(Topics.RESULTS, p)).toList())
                    .values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static long megabytes(String savepoint) throws Exception {
        try (Stream<Path> files = Files.walk(RestorePoint.savepoint(savepoint).path())) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024 * 1024);
        }
    }

    private static void report(String format, long startNanos, Object... args) {
        System.out.printf("MEASURE %6.1f s  %s%n", (System.nanoTime() - startNanos) / 1e9, String.format(format, args));
    }
}
