package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Topics;
import com.hipoc.streaming.KafkaSources;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.connector.kafka.source.KafkaSource;

/** {@code balance.commands}, the log every decision is a function of. */
public final class KafkaCommandSource {
    private KafkaCommandSource() {
    }

    public static KafkaSource<RawRecord> create(HipocConfig config) {
        return KafkaSources.rawRecords(config.kafka().brokers(), Topics.COMMANDS, config.kafka().consumerGroup(),
                config.kafka().clientId() + "-engine");
    }
}
