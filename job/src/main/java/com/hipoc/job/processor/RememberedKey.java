package com.hipoc.job.processor;

/** One slot of the per-account queue that purges remembered outcomes in decision order. A Flink POJO. */
public class RememberedKey {
    public String key;
    public long decidedAt;

    public RememberedKey() {
    }

    RememberedKey(String key, long decidedAt) {
        this.key = key;
        this.decidedAt = decidedAt;
    }
}
