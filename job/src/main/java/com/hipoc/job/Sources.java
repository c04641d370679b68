package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where the engine's commands come from: Kafka in the job, a bounded list in tests. */
@FunctionalInterface
public interface Sources {
    DataStreamSource<RawRecord> commands(StreamExecutionEnvironment env);

    static Sources kafka(HipocConfig config) {
        return env -> env.fromSource(KafkaCommandSource.create(config), WatermarkStrategy.noWatermarks(),
                OperatorIds.COMMAND_SOURCE.name());
    }
}
