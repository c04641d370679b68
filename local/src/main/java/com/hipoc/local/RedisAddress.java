package com.hipoc.local;

import redis.clients.jedis.Jedis;

/** Where one of the stack's Redis servers listens. */
public record RedisAddress(String host, int port) {
    public Jedis connect() {
        return new Jedis(host, port);
    }
}
