package com.hipoc.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Passes each Kafka record on as bytes. Decoding happens later in {@link CommandDecoder}: a
 * deserialization schema can only throw (failing the job, then failing again on the same
 * offset after every restart) or drop a record silently, while a process function can send
 * it to a side output, count it and keep its bytes for the dead-letter topic.
 */
public class RawCommandDeserializer implements KafkaRecordDeserializationSchema<RawCommand> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawCommand> out) {
        out.collect(new RawCommand(record.key(), record.value(), record.topic(), record.partition(), record.offset()));
    }

    @Override
    public TypeInformation<RawCommand> getProducedType() {
        return TypeInformation.of(RawCommand.class);
    }
}
