package com.hipoc.ingress;

import com.hipoc.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models' lag in /metrics, from a real broker: events of balance.events past the offsets
 * the read-models group committed (here committed by the test, as the job does at a checkpoint).
 */
@ExtendWith(SharedIngressStack.class)
class ReadModelLagTest {
    private static final int PARTITIONS = 2;
    private static final String GROUP = "lag-test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void eventsAndSecondsBehindFollowTheReadModelsGroup(IngressStack stack) throws Exception {
        stack.kafka.createTopic(Topics.EVENTS, PARTITIONS);
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, i % PARTITIONS, minuteAgo + i, null, new byte[]{'{', '}'})).get();
            }
        }
        try (IngressServer server = stack.ingress(Map.of("KAFKA_CONSUMER_GROUP", GROUP))) {
            TestClient client = TestClient.unsigned(server.port());
            // Nothing committed: all five wait, the first of them written a minute ago.
            awaitMetric(client, "ingress_read_models_events_behind", v -> v == 5);
            awaitMetric(client, "ingress_read_models_seconds_behind", v -> v >= 60 && v < 120);

            commit(stack, Map.of(0, 2L, 1, 2L));
            awaitMetric(client, "ingress_read_models_events_behind", v -> v == 1);
            awaitMetric(client, "ingress_read_models_seconds_behind", v -> v >= 60 && v < 120);

            commit(stack, Map.of(0, 3L, 1, 2L));
            awaitMetric(client, "ingress_read_models_events_behind", v -> v == 0);
            assertThat(metric(client, "ingress_read_models_seconds_behind")).as("caught up").isZero();
        }
    }

    /** Commits as the read-models job does once a checkpoint completes. */
    private static void commit(IngressStack stack, Map<Integer, Long> offsets) {
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP + "-read-models"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            group.assign(IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(Topics.EVENTS, p)).toList());
            group.commitSync(offsets.entrySet().stream().collect(Collectors.toMap(
                    e -> new TopicPartition(Topics.EVENTS, e.getKey()), e -> new OffsetAndMetadata(e.getValue()))));
        }
    }

    private static void awaitMetric(TestClient client, String name, DoublePredicate expected) throws InterruptedException {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            double value = metric(client, name);
            assertThat(expected.test(value)).as(name + " = " + value).isTrue();
        });
    }

    private static double metric(TestClient client, String name) {
        List<String> lines = client.get("/metrics").body().lines().filter(l -> l.startsWith(name + " ")).toList();
        assertThat(lines).as(name).hasSize(1);
        return Double.parseDouble(lines.get(0).substring(name.length() + 1));
    }
}
