package com.hipoc.local;

import redis.clients.jedis.Jedis;

/** A Redis server. */
public record RedisEndpoint(String host, int port) {
    public Jedis connect() {
        return new Jedis(host, port);
    }
}
