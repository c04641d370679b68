package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Topics;
import com.hipoc.streaming.RawRecord;
import com.hipoc.streaming.RawRecordDeserializer;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * {@code balance.commands}, the log every decision is a function of. A restore takes its
 * offsets from the checkpoint; a fresh start resumes from the group's committed offsets, or
 * reads the whole log when the group has none, so no command is ever skipped.
 */
public final class KafkaCommandSource {
    private KafkaCommandSource() {
    }

    public static KafkaSource<RawRecord> create(HipocConfig config) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.kafkaBrokers())
                .setTopics(Topics.COMMANDS)
                .setGroupId(config.kafkaConsumerGroup())
                .setClientIdPrefix(config.kafkaClientId() + "-engine")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .build();
    }
}
