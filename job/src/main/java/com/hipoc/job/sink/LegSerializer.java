package com.hipoc.job.sink;

import com.hipoc.events.Command;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * A leg goes back into {@code balance.commands} keyed by the account it affects, with no
 * partition of its own: Kafka's default partitioner then puts it exactly where the ingress
 * puts a command for that account, in that account's order.
 */
public class LegSerializer implements KafkaRecordSerializationSchema<Command> {
    @Override
    public ProducerRecord<byte[], byte[]> serialize(Command leg, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(Topics.COMMANDS, leg.account.getBytes(StandardCharsets.UTF_8), WireJson.encode(leg));
    }
}
