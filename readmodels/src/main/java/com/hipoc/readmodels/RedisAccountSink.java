package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** At-least-once, version-guarded copy of every account in Redis, read by the ingress. */
public class RedisAccountSink implements Sink<AccountSnapshot> {
    private final RedisEndpoint endpoint;
    private final int batchSize;

    public RedisAccountSink(RedisEndpoint endpoint, int batchSize) {
        this.endpoint = endpoint;
        this.batchSize = batchSize;
    }

    @Override
    public SinkWriter<AccountSnapshot> createWriter(WriterInitContext context) {
        return new RedisAccountWriter(endpoint, batchSize, SinkMetrics.registeredIn(context.metricGroup()));
    }
}
