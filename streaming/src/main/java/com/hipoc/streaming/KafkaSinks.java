package com.hipoc.streaming;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/**
 * The jobs' Kafka outputs. At-least-once, not transactional: a replay reproduces the same
 * records (decisions are a function of the log) and readers drop repeats, so there is no need
 * to hold records back until a checkpoint commits. Idempotence keeps each partition in send
 * order across producer retries, which the legs' and events' order depends on.
 */
public final class KafkaSinks {
    private KafkaSinks() {
    }

    public static <T> KafkaSink<T> atLeastOnce(String brokers, KafkaRecordSerializationSchema<T> serializer,
                                               Batching batching) {
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        producer.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.setProperty(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(batching.lingerMs()));
        producer.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Integer.toString(batching.maxInFlight()));
        producer.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batching.batchBytes()));
        producer.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, batching.compression());
        return KafkaSink.<T>builder()
                .setBootstrapServers(brokers)
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    public static KafkaSink<DeadLetter> deadLetters(String brokers) {
        return atLeastOnce(brokers, new DeadLetterSerializer(), Batching.PROMPT);
    }
}
