package com.hipoc.job.processor;

/**
 * Where a decided key is remembered: its {@link CommandShape#memoryKey} within the generation of
 * command time it was decided in. A whole generation is purged at once when all of it has left
 * the retention window, so purging needs no per-command bookkeeping.
 */
public record RememberedKey(long generation, String key) {
}
