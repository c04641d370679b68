package com.hipoc.streaming;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The jobs' Kafka inputs, read as raw records so that a record that cannot be decoded can still
 * be dead-lettered with its bytes. A restore takes its offsets from the checkpoint; a fresh start
 * resumes from the group's committed offsets, or reads the whole topic when the group has none,
 * so no record is ever skipped.
 */
public final class KafkaSources {
    private KafkaSources() {
    }

    public static KafkaSource<RawRecord> rawRecords(String brokers, String topic, String groupId, String clientIdPrefix) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(brokers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix(clientIdPrefix)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .build();
    }
}
