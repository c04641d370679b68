package com.hipoc.streaming;

/**
 * How a Kafka sink's producer groups records. Every new batch wakes the producer's sender
 * thread (a system call and a context switch), which the profile showed costing more than the
 * records themselves: a stream nobody waits on is sent in few large batches, one a requester
 * waits on in small prompt ones.
 */
public record Batching(int lingerMs, int batchBytes, String compression) {
    /**
     * Answers and legs: someone is waiting on each record. 1 ms took the results stage's median
     * from 5 to 2 ms at 1,000 commands/s, at no cost measurable at full speed (BENCHMARKS.md).
     */
    public static final Batching PROMPT = new Batching(1, 16 * 1024, "lz4");
    /** Events: read by the read models and other consumers, seconds behind is fine. */
    public static final Batching BULK = new Batching(50, 512 * 1024, "lz4");
}
