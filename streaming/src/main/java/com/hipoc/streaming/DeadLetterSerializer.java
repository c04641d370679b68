package com.hipoc.streaming;

import com.hipoc.events.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * A refused record goes to {@code balance.dlq} byte for byte as it came, with why it was
 * refused and where it came from in headers, so it can be inspected and produced again.
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    public static final String REASON_HEADER = "hipoc-reason";
    public static final String ORIGIN_HEADER = "hipoc-origin";

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, letter.reason.getBytes(StandardCharsets.UTF_8));
        String origin = letter.record.topic + "-" + letter.record.partition + "@" + letter.record.offset;
        headers.add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.DEAD_LETTERS, null, null, letter.record.key, letter.record.value, headers);
    }
}
