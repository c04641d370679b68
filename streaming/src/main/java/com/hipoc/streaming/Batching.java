package com.hipoc.streaming;

/**
 * How a Kafka sink's producer groups records. Every new batch wakes the producer's sender
 * thread (a system call and a context switch), which the profile showed costing more than the
 * records themselves: a stream nobody waits on is sent in few large batches, one a requester
 * waits on in batches that grow with the load.
 */
public record Batching(int lingerMs, int maxInFlight, int batchBytes, String compression) {
    /**
     * Answers, legs and dead letters: someone is waiting on each record. Sent at once, one produce request in
     * flight: alone a record leaves without waiting, under load the records that arrive during
     * one broker round trip leave together in the next request. Flat out it decided 27% more
     * than a 1 ms linger with five requests in flight, alternated on one stack (BENCHMARKS.md,
     * twenty-ninth session).
     */
    public static final Batching PROMPT = new Batching(0, 1, 16 * 1024, "lz4");
    /** Events: read by the read models and other consumers, seconds behind is fine. */
    public static final Batching BULK = new Batching(50, 5, 512 * 1024, "lz4");
}
