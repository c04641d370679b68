package com.hipoc.local;

import com.hipoc.events.Topics;

/**
 * The Flink jobs of Hi-PoC, by the names they run under: the engine decides, the read models
 * follow it through {@code balance.events} (ARCHITECTURE.md, "The shape"). Each is deployed,
 * stopped and upgraded on its own.
 */
public enum HipocJob {
    BALANCE_ENGINE("balance-engine", Topics.COMMANDS, ""),
    READ_MODELS("read-models", Topics.EVENTS, "-read-models");

    private final String jobName;
    private final String inputTopic;
    private final String groupSuffix;

    HipocJob(String jobName, String inputTopic, String groupSuffix) {
        this.jobName = jobName;
        this.inputTopic = inputTopic;
        this.groupSuffix = groupSuffix;
    }

    /** The name the job runs under on the cluster (web UI, REST), and its directory name for savepoints and checkpoints. */
    public String jobName() {
        return jobName;
    }

    /** The topic the job reads, the one its progress is measured against. */
    public String inputTopic() {
        return inputTopic;
    }

    /**
     * The consumer group under which the job commits its offsets of {@link #inputTopic} (at each
     * completed checkpoint), given KAFKA_CONSUMER_GROUP: as the jobs' Kafka sources name it.
     */
    public String consumerGroup(String kafkaConsumerGroup) {
        return kafkaConsumerGroup + groupSuffix;
    }

    /** The job's name, as messages and the command line spell it (picocli matches an enum value by it). */
    @Override
    public String toString() {
        return jobName;
    }
}
