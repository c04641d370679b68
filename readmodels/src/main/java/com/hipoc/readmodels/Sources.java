package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Topics;
import com.hipoc.streaming.KafkaSources;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where the read models' events come from: {@code balance.events} in the job, a bounded list in tests. */
@FunctionalInterface
public interface Sources {
    DataStreamSource<RawRecord> events(StreamExecutionEnvironment env);

    static Sources kafka(HipocConfig config) {
        return env -> env.fromSource(KafkaSources.rawRecords(config.kafkaBrokers(), Topics.EVENTS, consumerGroup(config),
                        config.kafkaClientId() + "-read-models"),
                WatermarkStrategy.noWatermarks(), OperatorIds.EVENT_SOURCE.name());
    }

    /**
     * The job's own group, apart from the engine's. Its offsets are committed once a checkpoint
     * completes, that is once every row before them is in the stores: its lag is what the read
     * models have still to write.
     */
    static String consumerGroup(HipocConfig config) {
        return config.kafkaConsumerGroup() + "-read-models";
    }
}
