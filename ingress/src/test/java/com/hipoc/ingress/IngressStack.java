package com.hipoc.ingress;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Topics;
import com.hipoc.ingress.auth.HmacKeys;
import com.hipoc.local.EmbeddedKafka;
import com.hipoc.local.EmbeddedMariaDb;
import com.hipoc.local.EmbeddedRedis;
import com.hipoc.local.FreePort;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Test support: a real Kafka, MariaDB and Redis, plus the test responder standing in for the
 * engine, for ingresses under test. {@link SharedIngressStack} shares one between test classes.
 */
public final class IngressStack implements AutoCloseable {
    static final int COMMAND_PARTITIONS = 4;
    static final int RESULT_PARTITIONS = 2;

    final EmbeddedKafka kafka;
    final EmbeddedMariaDb mariaDb;
    final EmbeddedRedis redis;
    final TestResponder responder;
    private KafkaConsumer<byte[], byte[]> offsets;

    IngressStack(Path dir) throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        EmbeddedMariaDb db = null;
        EmbeddedRedis cache = null;
        try {
            kafka.createTopic(Topics.COMMANDS, COMMAND_PARTITIONS);
            kafka.createTopic(Topics.RESULTS, RESULT_PARTITIONS);
            db = EmbeddedMariaDb.start(dir.resolve("mariadb"), 0, Path.of("..", "sql", "migrations"));
            cache = EmbeddedRedis.start(dir.resolve("redis"), 0);
        } catch (Exception | Error e) {
            if (db != null) {
                db.close();
            }
            kafka.close();
            throw e;
        }
        mariaDb = db;
        redis = cache;
        responder = new TestResponder(kafka.bootstrapServers(), COMMAND_PARTITIONS);
        responder.start();
    }

    @Override
    public synchronized void close() throws Exception {
        // Closed from the last named to the first, each even when another fails: the responder first, Kafka last.
        try (kafka; mariaDb; redis; responder) {
            if (offsets != null) {
                offsets.close();
            }
        }
    }

    /** The ingress settings for this stack, with any overrides. */
    public HipocConfig config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("MYSQL_PORT", Integer.toString(mariaDb.port()));
        env.put("REDIS_PORT", Integer.toString(redis.port()));
        env.put("REPLY_WAIT_MS", "3000");
        env.putAll(overrides);
        return HipocConfig.from(env);
    }

    /** A started, ready ingress on this stack; the caller closes it. */
    public IngressServer ingress(Map<String, String> overrides) throws InterruptedException {
        HipocConfig config = config(overrides);
        IngressServer server = new IngressServer(config, HmacKeys.parse(config.ingress().hmacSecret()), Clock.systemUTC()).start();
        if (!server.awaitReady(Duration.ofSeconds(30))) {
            server.close();
            throw new IllegalStateException("ingress not ready in 30 s");
        }
        return server;
    }

    /** A started ingress whose Kafka never answers, so it never gets ready; the caller closes it. */
    public IngressServer ingressWithoutKafka(long sendTimeoutMs) {
        HipocConfig config = config(Map.of("KAFKA_BROKERS", "127.0.0.1:" + FreePort.find(),
                "KAFKA_SEND_TIMEOUT_MS", Long.toString(sendTimeoutMs)));
        return new IngressServer(config, HmacKeys.parse(""), Clock.systemUTC()).start();
    }

    /** How many records {@code balance.commands} holds: a refused request must not change it. */
    public synchronized long commandsWritten() {
        if (offsets == null) {
            offsets = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        List<TopicPartition> partitions = IntStream.range(0, COMMAND_PARTITIONS)
                .mapToObj(p -> new TopicPartition(Topics.COMMANDS, p)).toList();
        return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
}
