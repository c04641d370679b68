package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.streaming.DeadLetterTopic;
import com.hipoc.streaming.JobConfiguration;
import com.hipoc.streaming.JobMain;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the read-models job: {@code balance.events} in; MySQL's ledger (which holds
 * each account after each change) and transactions, and Redis's account hashes out. Settings come from the environment and
 * {@code --NAME=value} program arguments.
 */
public final class ReadModelsJob {
    public static final String JOB_NAME = "read-models";

    private ReadModelsJob() {
    }

    public static void main(String[] args) throws Exception {
        JobMain.run(JOB_NAME, args, ReadModelsJob::buildInto);
    }

    /**
     * Adds the read models, on the real Kafka, MySQL and Redis, to an environment configured
     * with {@link JobConfiguration}; the local stack uses it with its own web-UI environment.
     */
    public static void buildInto(StreamExecutionEnvironment env, HipocConfig config) throws InterruptedException {
        DeadLetterTopic.ensureExists(config.kafka().brokers());
        ReadModelsTopology.build(env, Sources.kafka(config), Sinks.stores(config));
    }
}
