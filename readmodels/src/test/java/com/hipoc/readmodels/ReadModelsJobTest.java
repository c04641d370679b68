package com.hipoc.readmodels;

import com.hipoc.events.AccountHash;
import com.hipoc.events.AccountView;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.EventJson;
import com.hipoc.events.Outcome;
import com.hipoc.events.Topics;
import com.hipoc.streaming.DeadLetterSerializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
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
    private static Servers servers;

    @BeforeAll
    static void startServers() throws Exception {
        servers = Servers.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        servers.close();
    }

    @Test
    void keepsMySqlAndRedisExactThroughPoisonAndReplays() throws Exception {
        List<Events.Poison> poison = Events.poison();
        List<BalanceEvent> history = Events.history();
        try (KafkaProducer<byte[], byte[]> producer = servers.producer()) {
            // Poison first: every event after it must still be written, with no restart loop.
            for (Events.Poison p : poison) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, p.key().getBytes(StandardCharsets.UTF_8), p.value()));
            }
            send(producer, history);
        }
        JobClient job = servers.startJob();
        try {
            servers.awaitCaughtUp(120_000);
            Map<String, List<String>> written = readModels();
            assertThat(written.get("ledger_entries")).containsExactly(
                    "alice|1|t-1|deposit|1000|0|1000|0|USD|ACTIVE|0|null|null|2026-09-21 14:13:20.001",
                    "alice|2|t-2|withdrawal|-300|0|700|0|USD|ACTIVE|0|null|null|2026-09-21 14:13:20.002",
                    "alice|3|t-5|transfer|-100|0|600|0|USD|ACTIVE|0|null|bob|2026-09-21 14:13:20.005",
                    "bob|1|t-4|deposit|50|0|50|0|USD|ACTIVE|0|null|null|2026-09-21 14:13:20.004",
                    "bob|2|t-5|transfer_credit|100|0|150|0|USD|ACTIVE|0|null|alice|2026-09-21 14:13:20.005");
            assertThat(written.get("transactions")).containsExactly(
                    "t-1|deposit|APPLIED|2|null|alice|null|1000|USD|2026-09-21 14:13:20.001",
                    "t-2|withdrawal|APPLIED|2|null|alice|null|300|USD|2026-09-21 14:13:20.002",
                    "t-3|withdrawal|REJECTED|2|INSUFFICIENT_FUNDS|alice|null|5000|USD|2026-09-21 14:13:20.003",
                    "t-4|deposit|APPLIED|2|null|bob|null|50|USD|2026-09-21 14:13:20.004",
                    "t-5|transfer|COMPLETED|2|null|alice|bob|100|USD|2026-09-21 14:13:20.005",
                    "t-6|withdrawal|REJECTED|2|ACCOUNT_NOT_FOUND|carol|null|1|USD|2026-09-21 14:13:20.006");
            // What GET /v1/transactions/{txId} answers from: every field of the newest outcome, as the event carried it.
            Map<String, String> newestAnswers = new TreeMap<>();
            history.stream().filter(e -> e.transaction != null).forEach(e -> newestAnswers.put(e.txId, answer(e)));
            assertThat(written.get("answers")).containsExactlyElementsOf(newestAnswers.values());
            assertThat(written.get("redis")).containsExactly(
                    "alice|balance=600,currency=USD,held=0,overdraftLimit=0,status=ACTIVE,updatedAt=" + (Events.TS + 5)
                            + ",version=3",
                    "bob|balance=150,currency=USD,held=0,overdraftLimit=0,status=ACTIVE,updatedAt=" + (Events.TS + 5)
                            + ",version=2");

            assertThat(servers.metric(job, "undecodableEvents")).as("per subtask").hasSize(Servers.PARTITIONS)
                    .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(poison.size()));
            assertThat(servers.metric(job, "pendingRecords")).as("events behind, per source subtask").containsOnly(0L);
            assertThat(servers.metric(job, "lagMs")).as("seconds behind, per sink subtask").hasSize(3 * Servers.PARTITIONS)
                    .containsOnly(0L);

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
            try (KafkaProducer<byte[], byte[]> producer = servers.producer()) {
                send(producer, history);
            }
            servers.awaitCaughtUp(120_000);
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

    /** The outcome's fields in the order of the "answers" query; the row's account when it answered none. */
    private static String answer(BalanceEvent e) {
        Outcome o = e.outcome;
        AccountView a = o.account;
        String account = a == null ? e.transaction.account + "|null|null|null|null|null|null"
                : String.join("|", a.account, a.currency, "" + a.balance, "" + a.held, "" + a.available, "" + a.version,
                a.status.name());
        return String.join("|", o.txId, o.type.wireName(), o.status.name(), String.valueOf(o.reason), account,
                "" + o.acceptedAt);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Every table and hash the job writes, row by row, in key order. */
    private static Map<String, List<String>> readModels() throws Exception {
        Map<String, List<String>> models = new HashMap<>();
        models.put("ledger_entries", rows("SELECT " + new LedgerTable().columns() + " FROM ledger_entries ORDER BY account_id, seq"));
        // A replay may add a transfer's PENDING row that a flush had coalesced: each txId's answer must be exact.
        models.put("transactions", rows("SELECT tx_id, type, status, status_rank, reason, account_id, counterparty, amount,"
                + " currency, created_at" + Tables.ANSWERING_TRANSACTIONS));
        models.put("answers", rows("SELECT tx_id, type, status, reason, account_id, account_currency, account_balance,"
                + " account_held, account_available, account_version, account_status,"
                + " TIMESTAMPDIFF(MICROSECOND, '1970-01-01', created_at) DIV 1000" + Tables.ANSWERING_TRANSACTIONS));
        List<String> hashes = new ArrayList<>();
        try (Jedis jedis = RedisEndpoint.of(servers.config).connect()) {
            for (String key : jedis.keys(AccountHash.key("*")).stream().sorted().toList()) {
                hashes.add(key.substring(AccountHash.key("").length()) + "|" + jedis.hgetAll(key).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).map(Map.Entry::toString).collect(Collectors.joining(",")));
            }
        }
        models.put("redis", hashes);
        return models;
    }

    private static List<String> rows(String sql) throws Exception {
        return Tables.rows(JdbcEndpoint.of(servers.config), sql);
    }

    /** Reads partition 0 from its start until {@code count} records came, or a minute passed. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                servers.kafka.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
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
