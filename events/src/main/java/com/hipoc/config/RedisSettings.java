package com.hipoc.config;

import java.io.Serializable;

/** The Redis server of the account cache. */
public record RedisSettings(String host, int port) implements Serializable {
    static RedisSettings from(Settings s) {
        return new RedisSettings(
                s.string("REDIS_HOST", "127.0.0.1"),
                s.integer("REDIS_PORT", 6379));
    }
}
