package com.hipoc.local.readmodels;

import com.hipoc.local.HipocJob;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many records of its input topic each job has still to take: the topic's end offsets minus
 * the offsets the job's consumer group committed. A job commits when a checkpoint completes,
 * that is once every record before those offsets is decided (the engine) or written to MySQL and
 * Redis (the read models): zero for both means the read models hold every decision made so far.
 */
final class JobLag implements AutoCloseable {
    private final Admin admin;
    private final String kafkaConsumerGroup;

    JobLag(String kafkaBrokers, String kafkaConsumerGroup) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBrokers));
        this.kafkaConsumerGroup = kafkaConsumerGroup;
    }

    /** Records behind; a partition the job never committed counts from its first offset. */
    long behind(HipocJob job) throws ExecutionException, InterruptedException {
        String topic = job.inputTopic();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(job.consumerGroup(kafkaConsumerGroup)).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> first = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
        long behind = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            behind += end.get(p).offset() - Math.max(first.get(p).offset(), done == null ? 0 : done.offset());
        }
        return behind;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec))).all().get();
    }

    @Override
    public void close() {
        admin.close();
    }
}
