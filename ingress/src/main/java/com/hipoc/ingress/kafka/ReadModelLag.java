package com.hipoc.ingress.kafka;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far the read models, which the reads answer from, trail the engine: the events of
 * {@code balance.events} not yet in MySQL and Redis, and how old the oldest of them is. Read from
 * Kafka, which knows both: the read-models job commits its group's offsets once a checkpoint
 * completes, that is once every event before them is in both stores, so the figures trail the
 * stores by at most a checkpoint interval. Measured on a thread of its own every
 * {@link #REFRESH}, so a scrape never waits on Kafka; NaN while Kafka does not answer.
 */
public final class ReadModelLag implements AutoCloseable {
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelLag.class);

    private final Admin admin;
    /** Reads the first unwritten event of each partition behind, for its time; commits nothing. */
    private final Consumer<byte[], byte[]> events;
    private final String group;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-lag");
        t.setDaemon(true);
        return t;
    });
    private volatile double eventsBehind = Double.NaN;
    private volatile double secondsBehind = Double.NaN;

    public ReadModelLag(HipocConfig config, MeterRegistry registry, Clock clock) {
        String clientId = config.kafka().clientId() + "-ingress-" + config.ingress().instance() + "-read-model-lag";
        int timeoutMs = (int) KAFKA_TIMEOUT.toMillis();
        // Bounded calls, so that a Kafka that does not answer cannot hold a refresh or close() for long.
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().brokers(),
                AdminClientConfig.CLIENT_ID_CONFIG, clientId, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
        this.events = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().brokers(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.group = config.kafka().readModelsConsumerGroup();
        this.clock = clock;
        Gauge.builder("ingress.read.models.events.behind", this, l -> l.eventsBehind)
                .description("events of balance.events not yet written to MySQL and Redis").register(registry);
        Gauge.builder("ingress.read.models.seconds.behind", this, l -> l.secondsBehind)
                .description("age of the oldest event not yet written to MySQL and Redis; 0 when none").register(registry);
    }

    public void start() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            measure();
        } catch (Exception e) {
            eventsBehind = Double.NaN;
            secondsBehind = Double.NaN;
            LOG.debug("read-model lag unknown: {}", e.toString());
        }
    }

    private void measure() throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get()
                .get(Topics.EVENTS).partitions().stream()
                .map(p -> new TopicPartition(Topics.EVENTS, p.partition()))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> first = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> unwritten = new HashMap<>();
        long behind = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            // A group that never committed has written nothing the topic still holds.
            long next = Math.max(first.get(p), done == null ? 0 : done.offset());
            if (end.get(p) > next) {
                behind += end.get(p) - next;
                unwritten.put(p, next);
            }
        }
        secondsBehind = unwritten.isEmpty() ? 0 : Math.max(0, clock.millis() - oldestTime(unwritten)) / 1000.0;
        eventsBehind = behind;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec))).all()
                .get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The Kafka timestamp (when the engine wrote it) of the earliest of the events at these offsets. */
    private long oldestTime(Map<TopicPartition, Long> offsets) throws TimeoutException {
        events.assign(offsets.keySet());
        offsets.forEach(events::seek);
        Map<TopicPartition, Long> times = new HashMap<>();
        long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
        while (times.size() < offsets.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : events.poll(Duration.ofMillis(100))) {
                times.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.timestamp());
            }
        }
        if (times.size() < offsets.size()) {
            throw new TimeoutException("no event read at " + offsets + " in " + KAFKA_TIMEOUT);
        }
        return times.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
        refresher.shutdownNow();
        refresher.awaitTermination(KAFKA_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        events.close(KAFKA_TIMEOUT);
        admin.close(KAFKA_TIMEOUT);
    }
}
