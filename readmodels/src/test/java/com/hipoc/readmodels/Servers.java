package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Topics;
import com.hipoc.local.EmbeddedKafka;
import com.hipoc.local.EmbeddedMariaDb;
import com.hipoc.local.EmbeddedRedis;
import com.hipoc.streaming.LocalFlink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A real Kafka broker, MariaDB and Redis for the read-models job to run between, and the job on them. */
final class Servers implements AutoCloseable {
    static final int PARTITIONS = 2;

    final EmbeddedKafka kafka;
    final EmbeddedMariaDb db;
    final EmbeddedRedis redis;
    final HipocConfig config;
    /** The metrics of the jobs started here. */
    final InMemoryReporter metrics = InMemoryReporter.create();

    private Servers(EmbeddedKafka kafka, EmbeddedMariaDb db, EmbeddedRedis redis) {
        this.kafka = kafka;
        this.db = db;
        this.redis = redis;
        this.config = LocalFlink.config(Map.of(
                "KAFKA_BROKERS", kafka.bootstrapServers(),
                "MYSQL_PORT", Integer.toString(db.port()),
                "REDIS_PORT", Integer.toString(redis.port())));
    }

    static Servers start() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(LocalFlink.storeDir("kafka"), 0);
        kafka.createTopic(Topics.EVENTS, PARTITIONS);
        return new Servers(kafka, EmbeddedMariaDb.start(LocalFlink.storeDir("mariadb"), 0, Path.of("../sql/migrations")),
                EmbeddedRedis.start(LocalFlink.storeDir("redis"), 0));
    }

    /** The job as it is deployed, one subtask per partition. */
    JobClient startJob() throws Exception {
        StreamExecutionEnvironment env = LocalFlink.env(config, PARTITIONS, metrics.addToConfiguration(new Configuration()));
        ReadModelsJob.buildInto(env, config);
        return env.executeAsync(ReadModelsJob.JOB_NAME);
    }

    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /**
     * Waits until the job has written every event in {@code balance.events} now: its group
     * commits offsets with a checkpoint, which completes only once every row before them is
     * written, so committed offsets at the end of every partition mean the stores hold everything.
     */
    void awaitCaughtUp(long timeoutMs) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(Topics.EVENTS, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            await("the read models catching up with " + ends).atMost(Duration.ofMillis(timeoutMs))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed =
                                admin.listConsumerGroupOffsets(config.kafka().readModelsConsumerGroup()).partitionsToOffsetAndMetadata().get();
                        return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() == end.getValue());
                    });
        }
    }

    /** Each subtask's value of a job's metric, e.g. {@code lagMs} of every sink writer. */
    List<Long> metric(JobClient job, String name) {
        List<Long> values = new ArrayList<>();
        for (Metric m : metrics.findMetrics(job.getJobID(), ".*\\." + name).values()) {
            values.add(m instanceof Counter c ? c.getCount() : ((Number) ((Gauge<?>) m).getValue()).longValue());
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        redis.close();
        db.close();
        kafka.close();
    }
}
