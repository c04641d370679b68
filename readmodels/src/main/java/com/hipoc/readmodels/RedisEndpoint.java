package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.io.Serializable;

/** Where the Redis read model is, and how to open a connection to it. */
public record RedisEndpoint(String host, int port) implements Serializable {
    /** Bounded, so that a Redis that stops answering is a failed attempt, retried, not a hang. */
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int SOCKET_TIMEOUT_MS = 10_000;

    public static RedisEndpoint of(HipocConfig config) {
        return new RedisEndpoint(config.redis().host(), config.redis().port());
    }

    public Jedis connect() {
        return new Jedis(new HostAndPort(host, port), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(SOCKET_TIMEOUT_MS)
                .serverDefaultProtocol()
                .build());
    }
}
