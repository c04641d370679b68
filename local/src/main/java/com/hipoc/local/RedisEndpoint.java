package com.hipoc.local;

/** A Redis server. */
public record RedisEndpoint(String host, int port) {
}
