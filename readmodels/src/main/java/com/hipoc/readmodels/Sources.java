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
        return env -> env.fromSource(KafkaSources.rawRecords(config.kafka().brokers(), Topics.EVENTS,
                        config.kafka().readModelsConsumerGroup(), config.kafka().clientId() + "-read-models"),
                WatermarkStrategy.noWatermarks(), OperatorIds.EVENT_SOURCE.name());
    }
}
