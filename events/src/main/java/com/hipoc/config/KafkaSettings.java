package com.hipoc.config;

import java.io.Serializable;

/** Where Kafka is, and how Hi-PoC's topics and groups are laid out on it. */
public record KafkaSettings(
        String brokers,
        String clientId,
        String consumerGroup,
        int commandPartitions,
        int resultPartitions) implements Serializable {

    static KafkaSettings from(Settings s) {
        return new KafkaSettings(
                s.string("KAFKA_BROKERS", "127.0.0.1:9092"),
                s.string("KAFKA_CLIENT_ID", "hipoc"),
                s.string("KAFKA_CONSUMER_GROUP", "hipoc-engine"),
                s.integer("COMMAND_PARTITIONS", 8),
                s.integer("RESULT_PARTITIONS", 4));
    }

    /**
     * The read-models job's group, apart from the engine's. Its offsets are committed once a
     * checkpoint completes, that is once every event before them is in MySQL and Redis: its lag is
     * what the read models have still to write.
     */
    public String readModelsConsumerGroup() {
        return consumerGroup + "-read-models";
    }
}
