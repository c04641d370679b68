package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine alone: commands produced straight into {@code balance.commands} (keyed by account,
 * as the ingress does), outcomes read back from one partition of {@code balance.results}. The
 * latency is the engine's: from the log taking the command to its outcome being readable.
 */
final class KafkaTarget implements Target {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long OUTCOME_TIMEOUT_S = 30;

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final int replyPartition;
    /** Waiters by txId; a retry of a txId still in flight waits beside the original. */
    private final Map<String, Queue<CompletableFuture<String>>> waiting = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean closing;

    KafkaTarget(String brokers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.CLIENT_ID_CONFIG, "hipoc-bench",
                // As durable as the ingress's producer, so the log does the same work per command.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", brokers, "client.id", "hipoc-bench-outcomes",
                "enable.auto.commit", false, "fetch.max.wait.ms", 50), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // The last result partition: the local stack's ingress (instance 0) reads the first, so
        // the engine's answers to us do not pass through it.
        replyPartition = consumer.partitionsFor(Topics.RESULTS).size() - 1;
        TopicPartition results = new TopicPartition(Topics.RESULTS, replyPartition);
        consumer.assign(List.of(results));
        consumer.seekToEnd(List.of(results));
        consumer.position(results);
        poller = new Thread(this::pollOutcomes, "bench-outcomes");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public String describe() {
        return "Kafka " + Topics.COMMANDS + " -> engine -> " + Topics.RESULTS + "[" + replyPartition + "]";
    }

    @Override
    public int commandsPerRequest() {
        return 1;
    }

    @Override
    public CompletableFuture<List<String>> send(List<Command> commands) {
        Command c = commands.get(0);
        c.ts = System.currentTimeMillis();
        c.replyPartition = replyPartition;
        CompletableFuture<String> outcome = new CompletableFuture<>();
        waiting.compute(c.txId, (id, queue) -> {
            Queue<CompletableFuture<String>> waiters = queue == null ? new ConcurrentLinkedQueue<>() : queue;
            waiters.add(outcome);
            return waiters;
        });
        producer.send(new ProducerRecord<>(Topics.COMMANDS, c.account.getBytes(StandardCharsets.UTF_8), WireJson.encode(c)),
                (metadata, error) -> {
                    if (error != null) {
                        forget(c.txId, outcome);
                        outcome.complete(OutcomeKind.error("produce-" + error.getClass().getSimpleName()));
                    }
                });
        return outcome.orTimeout(OUTCOME_TIMEOUT_S, TimeUnit.SECONDS).handle((kind, error) -> {
            if (error instanceof TimeoutException) {
                forget(c.txId, outcome);
                return List.of(OutcomeKind.error("timeout"));
            }
            return List.of(kind);
        });
    }

    private void pollOutcomes() {
        while (!closing) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                Outcome o = decode(r.value());
                // A transfer answers PENDING from its source first; its final answer follows from the destination.
                if (o != null && o.status != OutcomeStatus.PENDING) {
                    Queue<CompletableFuture<String>> waiters = waiting.get(o.txId);
                    CompletableFuture<String> waiter = waiters == null ? null : waiters.poll();
                    if (waiter != null) {
                        forget(o.txId, waiter);
                        waiter.complete(OutcomeKind.decision(o.status.name(), o.reason == null ? null : o.reason.name()));
                    }
                }
            }
        }
        consumer.close();
    }

    private static Outcome decode(byte[] value) {
        try {
            return value == null ? null : WireJson.decode(value, Outcome.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void forget(String txId, CompletableFuture<String> waiter) {
        waiting.computeIfPresent(txId, (id, queue) -> {
            queue.remove(waiter);
            return queue.isEmpty() ? null : queue;
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        closing = true;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
