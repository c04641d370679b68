package com.hipoc.job.sink;

import com.hipoc.events.Outcome;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * An outcome goes to the {@code balance.results} partition its ingress instance reads
 * ({@code replyPartition}); one nobody waits for (a leg's) is keyed by its account, or by its
 * txId when the account is unknown, and lands where Kafka's partitioner puts that key.
 */
public class OutcomeSerializer implements KafkaRecordSerializationSchema<Outcome> {
    @Override
    public ProducerRecord<byte[], byte[]> serialize(Outcome outcome, KafkaSinkContext context, Long timestamp) {
        Integer partition = outcome.replyPartition >= 0 ? outcome.replyPartition : null;
        String key = outcome.account != null && outcome.account.account != null ? outcome.account.account : outcome.txId;
        return new ProducerRecord<>(Topics.RESULTS, partition, key.getBytes(StandardCharsets.UTF_8),
                WireJson.encode(outcome));
    }
}
