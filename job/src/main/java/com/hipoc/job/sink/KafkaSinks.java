package com.hipoc.job.sink;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.job.DeadLetter;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/**
 * The job's Kafka outputs. At-least-once, not transactional: a replay reproduces the same
 * records (decisions are a function of the log) and readers drop repeats by txId, so there is
 * no need to hold results back until a checkpoint commits. Idempotence keeps each partition
 * in send order across producer retries, which the legs' order depends on.
 */
public final class KafkaSinks {
    private KafkaSinks() {
    }

    public static KafkaSink<Outcome> outcomes(HipocConfig config) {
        return build(config, new OutcomeSerializer());
    }

    public static KafkaSink<Command> legs(HipocConfig config) {
        return build(config, new LegSerializer());
    }

    public static KafkaSink<DeadLetter> deadLetters(HipocConfig config) {
        return build(config, new DeadLetterSerializer());
    }

    private static <T> KafkaSink<T> build(HipocConfig config, KafkaRecordSerializationSchema<T> serializer) {
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        producer.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.kafkaBrokers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
