package com.hipoc.streaming;

/**
 * A record of a job's input topic as it came off the wire, not yet decoded, so that a record
 * that cannot be decoded can still be routed (with its bytes) to the dead-letter topic.
 */
public class RawRecord {
    public byte[] key;
    public byte[] value;
    public String topic;
    public int partition;
    public long offset;

    public RawRecord() {
    }

    public RawRecord(byte[] key, byte[] value, String topic, int partition, long offset) {
        this.key = key;
        this.value = value;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }
}
