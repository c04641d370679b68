package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.AccountHash;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.EventJson;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import com.hipoc.local.EmbeddedKafka;
import com.hipoc.local.EmbeddedMariaDb;
import com.hipoc.local.EmbeddedRedis;
import com.hipoc.streaming.DeadLetterSerializer;
import com.hipoc.streaming.LocalFlink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job between a real Kafka broker, MariaDB and Redis. */
@Timeout(180)
class ReadModelsJobTest {
    private static final int PARTITIONS = 2;
    private static EmbeddedKafka kafka;
    private static EmbeddedMariaDb db;
    private static EmbeddedRedis redis;
    private static HipocConfig config;

    @BeforeAll
    static void startStores() throws Exception {
        kafka = EmbeddedKafka.start(LocalFlink.storeDir("kafka"), 0);
        kafka.createTopic(Topics.EVENTS, PARTITIONS);
        db = EmbeddedMariaDb.start(LocalFlink.storeDir("mariadb"), 0, Path.of("../sql/migrations"));
        redis = EmbeddedRedis.start(LocalFlink.storeDir("redis"), 0);
        config = LocalFlink.config(Map.of(
                "KAFKA_BROKERS", kafka.bootstrapServers(),
                "MYSQL_PORT", Integer.toString(db.port()),
                "REDIS_PORT", Integer.toString(redis.port())));
    }

    @AfterAll
    static void stopStores() throws Exception {
        redis.close();
        db.close();
        kafka.close();
    }

    @Test
    void keepsMySqlAndRedisExactThroughPoisonAndReplays() throws Exception {
        List<Events.Poison> poison = Events.poison();
        List<BalanceEvent> history = Events.history();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // Poison first: every event after it must still be written, with no restart loop.
            for (Events.Poison p : poison) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, p.key().getBytes(StandardCharsets.UTF_8), p.value()));
            }
            send(producer, history);
        }
        StreamExecutionEnvironment env = LocalFlink.env(config, PARTITIONS);
        ReadModelsJob.buildInto(env, config);
        JobClient job = env.executeAsync(ReadModelsJob.JOB_NAME);
        try {
            awaitCaughtUp();
            Map<String, List<String>> written = readModels();
            assertThat(written.get("ledger_entries")).containsExactly(
                    "alice|1|t-1|deposit|1000|0|1000|null|2026-09-21 14:13:20.001",
                    "alice|2|t-2|withdrawal|-300|0|700|null|2026-09-21 14:13:20.002",
                    "alice|3|t-5|transfer|-100|0|600|bob|2026-09-21 14:13:20.005",
                    "bob|1|t-4|deposit|50|0|50|null|2026-09-21 14:13:20.004",
                    "bob|2|t-5|transfer_credit|100|0|150|alice|2026-09-21 14:13:20.005");
            assertThat(written.get("transactions")).containsExactly(
                    "t-1|deposit|APPLIED|2|null|alice|null|1000|USD|2026-09-21 14:13:20.001|2026-09-21 14:13:20.001",
                    "t-2|withdrawal|APPLIED|2|null|alice|null|300|USD|2026-09-21 14:13:20.002|2026-09-21 14:13:20.002",
                    "t-3|withdrawal|REJECTED|2|INSUFFICIENT_FUNDS|alice|null|5000|USD|2026-09-21 14:13:20.003"
                            + "|2026-09-21 14:13:20.003",
                    "t-4|deposit|APPLIED|2|null|bob|null|50|USD|2026-09-21 14:13:20.004|2026-09-21 14:13:20.004",
                    "t-5|transfer|COMPLETED|2|null|alice|bob|100|USD|2026-09-21 14:13:20.005|2026-09-21 14:13:20.005");
            // The answer GET /v1/transactions/{txId} gives: the newest outcome, as the event carried it.
            Map<String, String> newestOutcomes = new TreeMap<>();
            history.stream().filter(e -> e.transaction != null).forEach(e -> newestOutcomes.put(e.txId,
                    e.txId + "|" + new String(WireJson.encode(e.outcome), StandardCharsets.UTF_8)));
            assertThat(written.get("outcomes")).containsExactlyElementsOf(newestOutcomes.values());
            assertThat(written.get("accounts")).containsExactly(
                    "alice|USD|600|0|0|null|ACTIVE|3|2026-09-21 14:13:20.005",
                    "bob|USD|150|0|0|null|ACTIVE|2|2026-09-21 14:13:20.005");
            assertThat(written.get("redis")).containsExactly(
                    "alice|balance=600,currency=USD,held=0,overdraftLimit=0,status=ACTIVE,updatedAt=" + (Events.TS + 5)
                            + ",version=3",
                    "bob|balance=150,currency=USD,held=0,overdraftLimit=0,status=ACTIVE,updatedAt=" + (Events.TS + 5)
                            + ",version=2");

            List<ConsumerRecord<byte[], byte[]>> dead = consume(Topics.DEAD_LETTERS, poison.size());
            assertThat(dead).hasSameSizeAs(poison);
            for (Events.Poison p : poison) {
                assertThat(dead).filteredOn(d -> new String(d.value(), StandardCharsets.UTF_8)
                                .equals(new String(p.value(), StandardCharsets.UTF_8)) && d.key() != null
                                && new String(d.key(), StandardCharsets.UTF_8).equals(p.key()))
                        .singleElement()
                        .satisfies(d -> assertThat(header(d, DeadLetterSerializer.REASON_HEADER)).startsWith(p.reason()))
                        .satisfies(d -> assertThat(header(d, DeadLetterSerializer.ORIGIN_HEADER)).startsWith(Topics.EVENTS));
            }

            // The same events again, each account's older versions arriving after its newest is stored.
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                send(producer, history);
            }
            awaitCaughtUp();
            assertThat(readModels()).isEqualTo(written);
        } finally {
            job.cancel().get();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<BalanceEvent> events) {
        for (BalanceEvent e : events) {
            producer.send(new ProducerRecord<>(Topics.EVENTS, e.account.getBytes(StandardCharsets.UTF_8), EventJson.encode(e)));
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Every table and hash the job writes, row by row, in key order. */
    private static Map<String, List<String>> readModels() throws Exception {
        Map<String, List<String>> models = new HashMap<>();
        models.put("ledger_entries", rows("SELECT * FROM ledger_entries ORDER BY account_id, seq"));
        models.put("transactions", rows("SELECT tx_id, type, status, status_rank, reason, account_id, counterparty, amount,"
                + " currency, created_at, updated_at FROM transactions ORDER BY tx_id"));
        models.put("outcomes", rows("SELECT tx_id, outcome FROM transactions ORDER BY tx_id"));
        models.put("accounts", rows("SELECT * FROM accounts ORDER BY account_id"));
        List<String> hashes = new ArrayList<>();
        try (Jedis jedis = RedisEndpoint.of(config).connect()) {
            for (String key : jedis.keys(AccountHash.key("*")).stream().sorted().toList()) {
                hashes.add(key.substring(AccountHash.key("").length()) + "|" + jedis.hgetAll(key).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).map(Map.Entry::toString).collect(Collectors.joining(",")));
            }
        }
        models.put("redis", hashes);
        return models;
    }

    private static List<String> rows(String sql) throws Exception {
        return Tables.rows(JdbcEndpoint.of(config), sql);
    }

    /**
     * Waits until the job's group has committed the end of every partition: its offsets are
     * committed with a checkpoint, which completes only once every row before them is written.
     */
    private static void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(Topics.EVENTS, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(Sources.consumerGroup(config))
                        .partitionsToOffsetAndMetadata().get();
                if (ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() == end.getValue())) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the read models did not catch up with " + ends);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Reads partition 0 from its start until {@code count} records came, or a minute passed. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 60_000;
            while (records.size() < count && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
