package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.AccountHash;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import com.hipoc.job.sink.DeadLetterSerializer;
import com.hipoc.job.sink.JdbcEndpoint;
import com.hipoc.local.EmbeddedKafka;
import com.hipoc.local.EmbeddedMariaDb;
import com.hipoc.local.EmbeddedRedis;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job on RocksDB, between a real Kafka broker, MariaDB and Redis. */
@Timeout(180)
class BalanceEngineJobTest {
    private static final int RESULT_PARTITION = 1;
    private static EmbeddedKafka kafka;
    private static EmbeddedMariaDb db;
    private static EmbeddedRedis redis;
    private static HipocConfig config;

    @BeforeAll
    static void startStores() throws Exception {
        kafka = EmbeddedKafka.start(LocalFlink.storeDir("kafka"), 0);
        kafka.createTopic(Topics.COMMANDS, 4);
        kafka.createTopic(Topics.RESULTS, 2);
        db = EmbeddedMariaDb.start(LocalFlink.storeDir("mariadb"), 0, java.nio.file.Path.of("../sql/migrations"));
        redis = EmbeddedRedis.start(LocalFlink.storeDir("redis"), 0);
        config = LocalFlink.config(Map.of(
                "KAFKA_BROKERS", kafka.bootstrapServers(),
                "MYSQL_PORT", Integer.toString(db.port()),
                "REDIS_PORT", Integer.toString(redis.port()),
                "STATE_BACKEND", "rocksdb"));
    }

    @AfterAll
    static void stopStores() throws Exception {
        redis.close();
        db.close();
        kafka.close();
    }

    @Test
    void decidesCommandsFromKafkaAndWritesEveryOutput() throws Exception {
        StreamExecutionEnvironment env = LocalFlink.env(config, 2);
        BalanceEngineJob.buildInto(env, config);
        JobClient job = env.executeAsync(BalanceEngineJob.JOB_NAME);
        try {
            Command transfer = Command.of(CommandType.TRANSFER, "t-5", "alice", 100L, "USD", Commands.TS);
            transfer.counterparty = "bob";
            transfer.replyPartition = RESULT_PARTITION;
            List<Command> commands = List.of(
                    Commands.deposit("t-1", "alice", 1000, RESULT_PARTITION),
                    Commands.withdrawal("t-2", "alice", 300, RESULT_PARTITION),
                    Commands.withdrawal("t-3", "alice", 5000, RESULT_PARTITION),
                    Commands.deposit("t-1", "alice", 1000, RESULT_PARTITION),
                    Commands.deposit("t-4", "bob", 50, RESULT_PARTITION),
                    transfer);
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                // Poison first: every command after it must still be decided, with no restart loop.
                producer.send(new ProducerRecord<>(Topics.COMMANDS, "alice".getBytes(StandardCharsets.UTF_8),
                        "not json".getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(Topics.COMMANDS, "alice".getBytes(StandardCharsets.UTF_8),
                        "{\"type\":\"teleport\",\"txId\":\"t-9\",\"account\":\"alice\"}".getBytes(StandardCharsets.UTF_8)));
                for (Command c : commands) {
                    producer.send(new ProducerRecord<>(Topics.COMMANDS, c.account.getBytes(StandardCharsets.UTF_8),
                            WireJson.encode(c)));
                }
            }

            List<Outcome> outcomes = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : consume(Topics.RESULTS, RESULT_PARTITION, 7)) {
                outcomes.add(WireJson.decode(r.value(), Outcome.class));
            }
            assertThat(outcomes).extracting(o -> o.txId + " " + o.status + " " + o.replayed).containsExactlyInAnyOrder(
                    "t-1 APPLIED false", "t-2 APPLIED false", "t-3 REJECTED false", "t-1 APPLIED true",
                    "t-4 APPLIED false", "t-5 PENDING false", "t-5 COMPLETED false");

            assertThat(eventually(() -> query("SELECT status FROM transactions WHERE tx_id = 't-5'"), "COMPLETED"))
                    .isEqualTo("COMPLETED");
            assertThat(eventually(() -> query("SELECT CONCAT(balance, '/', version) FROM accounts WHERE account_id = 'bob'"),
                    "150/2")).isEqualTo("150/2");
            assertThat(eventually(() -> query("SELECT CONCAT(balance, '/', version) FROM accounts WHERE account_id = 'alice'"),
                    "600/3")).isEqualTo("600/3");
            assertThat(query("SELECT GROUP_CONCAT(CONCAT(seq, ':', balance_after) ORDER BY seq) FROM ledger_entries"
                    + " WHERE account_id = 'alice'")).isEqualTo("1:1000,2:700,3:600");
            assertThat(eventually(() -> redisHash("bob").get(AccountHash.BALANCE), "150")).isEqualTo("150");
            assertThat(redisHash("alice")).containsEntry(AccountHash.BALANCE, "600").containsEntry(AccountHash.VERSION, "3");

            assertThat(consume(DeadLetter.TOPIC, 0, 2))
                    .extracting(dead -> new String(dead.headers().lastHeader(DeadLetterSerializer.REASON_HEADER).value(),
                            StandardCharsets.UTF_8))
                    .satisfiesExactly(
                            reason -> assertThat(reason).startsWith("not a command: Unrecognized token 'not'"),
                            reason -> assertThat(reason).isEqualTo("not a command: unknown command type 'teleport'"));
        } finally {
            job.cancel().get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Reads one partition from its start until {@code count} records came, or a minute passed. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int partition, int count) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
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

    private static String query(String sql) throws Exception {
        try (Connection c = JdbcEndpoint.of(config).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Map<String, String> redisHash(String account) {
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            return jedis.hgetAll(AccountHash.key(account));
        }
    }

    /** The read models trail the outcomes by up to a checkpoint: polls until the value shows up. */
    private static <T> T eventually(Callable<T> read, T expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        T value = read.call();
        while (!expected.equals(value) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            value = read.call();
        }
        return value;
    }
}
