package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.EventJson;
import com.hipoc.events.Outcome;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import com.hipoc.local.EmbeddedKafka;
import com.hipoc.streaming.DeadLetterSerializer;
import com.hipoc.streaming.LocalFlink;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job on RocksDB against a real Kafka broker, the only system it talks to. */
@Timeout(180)
class BalanceEngineJobTest {
    private static final int RESULT_PARTITION = 1;
    private static EmbeddedKafka kafka;
    private static HipocConfig config;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(LocalFlink.storeDir("kafka"), 0);
        kafka.createTopic(Topics.COMMANDS, 4);
        kafka.createTopic(Topics.RESULTS, 2);
        kafka.createTopic(Topics.EVENTS, 1);
        config = LocalFlink.config(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "STATE_BACKEND", "rocksdb"));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void decidesCommandsFromKafkaAndWritesEveryOutput() throws Exception {
        StreamExecutionEnvironment env = LocalFlink.env(config, 2);
        BalanceEngineJob.buildInto(env, config);
        JobClient job = env.executeAsync(BalanceEngineJob.JOB_NAME);
        try {
            Command transfer = Command.of(CommandType.TRANSFER, "t-5", "alice", 100L, "USD", IngressCommands.TS);
            transfer.counterparty = "bob";
            transfer.replyPartition = RESULT_PARTITION;
            List<Command> commands = List.of(
                    IngressCommands.deposit("t-1", "alice", 1000, RESULT_PARTITION),
                    IngressCommands.withdrawal("t-2", "alice", 300, RESULT_PARTITION),
                    IngressCommands.withdrawal("t-3", "alice", 5000, RESULT_PARTITION),
                    IngressCommands.deposit("t-1", "alice", 1000, RESULT_PARTITION),
                    IngressCommands.deposit("t-4", "bob", 50, RESULT_PARTITION),
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

            // Events, one per decision, in each account's order: t-1's repeat decides nothing.
            List<BalanceEvent> events = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : consume(Topics.EVENTS, 0, 7)) {
                BalanceEvent e = EventJson.decode(r.value());
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(e.account);
                events.add(e);
            }
            assertThat(events).filteredOn(e -> e.account.equals("alice"))
                    .extracting(e -> e.txId + " " + e.kind.wireName() + " " + e.status + " " + versionAfter(e))
                    .containsExactly("t-1 deposit APPLIED 1", "t-2 withdrawal APPLIED 2", "t-3 withdrawal REJECTED -",
                            "t-5 transfer PENDING 3", "t-5 transfer_settled COMPLETED -");
            assertThat(events).filteredOn(e -> e.account.equals("bob"))
                    .extracting(e -> e.txId + " " + e.kind.wireName() + " " + e.status + " " + versionAfter(e))
                    .containsExactly("t-4 deposit APPLIED 1", "t-5 transfer_credit COMPLETED 2");

            assertThat(consume(Topics.DEAD_LETTERS, 0, 2))
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

    private static String versionAfter(BalanceEvent e) {
        return e.accountAfter == null ? "-" : Long.toString(e.accountAfter.version);
    }
}
