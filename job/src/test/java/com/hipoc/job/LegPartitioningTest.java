package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Topics;
import com.hipoc.job.sink.LegSerializer;
import com.hipoc.streaming.Batching;
import com.hipoc.streaming.KafkaSinks;
import com.hipoc.streaming.LocalFlink;
import com.hipoc.local.EmbeddedKafka;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transfer leg written by the job's leg sink lands in the same partition of
 * {@code balance.commands} as a command the ingress produces for that account (a plain producer
 * keyed by the account), so the leg is decided in that account's order.
 */
@Timeout(120)
class LegPartitioningTest {
    @Test
    void legsLandWhereDirectCommandsForTheirAccountLand() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(LocalFlink.storeDir("kafka"), 0)) {
            kafka.createTopic(Topics.COMMANDS, 8);
            List<Command> legs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                legs.add(Command.of(CommandType.TRANSFER_CREDIT, "t-" + i, "acct-" + i, 1L, "USD", IngressCommands.TS));
            }
            HipocConfig config = LocalFlink.config(Map.of("KAFKA_BROKERS", kafka.bootstrapServers(), "STATE_BACKEND", "hashmap"));
            StreamExecutionEnvironment env = LocalFlink.env(config, 2);
            OperatorIds.LEG_SINK.applyTo(env.fromData(legs, TypeInformation.of(Command.class)).sinkTo(KafkaSinks.atLeastOnce(config.kafka().brokers(), new LegSerializer(), Batching.PROMPT)));
            env.execute("legs");

            Map<String, Integer> direct = new HashMap<>();
            try (KafkaProducer<String, String> ingress = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                for (Command leg : legs) {
                    direct.put(leg.account, ingress.send(new ProducerRecord<>(Topics.COMMANDS, leg.account, "direct"))
                            .get().partition());
                }
            }

            Map<String, Integer> viaLegSink = new HashMap<>();
            for (ConsumerRecord<String, String> r : readAll(kafka, 8, 2 * legs.size())) {
                if (!r.value().equals("direct")) {
                    viaLegSink.put(r.key(), r.partition());
                }
            }
            assertThat(viaLegSink).hasSize(legs.size()).isEqualTo(direct);
            assertThat(new HashSet<>(direct.values())).as("the accounts spread over the partitions").hasSize(8);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafka kafka, int partitions, int count) {
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(Topics.COMMANDS, p));
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(all);
            consumer.seekToBeginning(all);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < count && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
