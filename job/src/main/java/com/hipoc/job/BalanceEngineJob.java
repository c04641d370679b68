package com.hipoc.job;

import com.hipoc.config.HipocConfig;
import com.hipoc.streaming.DeadLetterTopic;
import com.hipoc.streaming.JobConfiguration;
import com.hipoc.streaming.JobMain;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the balance-engine: {@code balance.commands} in; outcomes, legs and events out,
 * all to Kafka. Settings come from the environment and {@code --NAME=value} program arguments.
 */
public final class BalanceEngineJob {
    public static final String JOB_NAME = "balance-engine";

    private BalanceEngineJob() {
    }

    public static void main(String[] args) throws Exception {
        JobMain.run(JOB_NAME, args, BalanceEngineJob::buildInto);
    }

    /**
     * Adds the engine, on the real Kafka, to an environment configured with
     * {@link JobConfiguration}; BalanceEngineJobTest runs it on a MiniCluster.
     */
    public static void buildInto(StreamExecutionEnvironment env, HipocConfig config) throws InterruptedException {
        DeadLetterTopic.ensureExists(config.kafka().brokers());
        BalanceEngineTopology.build(env, Sources.kafka(config), Sinks.kafka(config), config.jobs());
    }
}
