package com.hipoc.job.sink;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.EventJson;
import com.hipoc.events.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * An event goes to {@code balance.events} keyed by its account, so Kafka's default partitioner
 * keeps each account's events in one partition, in decision order.
 */
public class EventSerializer implements KafkaRecordSerializationSchema<BalanceEvent> {
    @Override
    public ProducerRecord<byte[], byte[]> serialize(BalanceEvent event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(Topics.EVENTS, event.account.getBytes(StandardCharsets.UTF_8), EventJson.encode(event));
    }
}
