package com.hipoc.config;

import java.io.Serializable;

/** The HTTP ingress: where it listens, how it signs and waits, and its bounds. */
public record IngressSettings(
        String httpHost,
        int httpPort,
        String hmacSecret,
        int instance,
        long replyWaitMs,
        int maxPending,
        long kafkaSendTimeoutMs,
        long idleTimeoutMs,
        int maxConnections) implements Serializable {

    static IngressSettings from(Settings s) {
        return new IngressSettings(
                s.string("HTTP_HOST", "127.0.0.1"),
                s.integer("PORT", 8080),
                s.string("HMAC_SECRET", ""),
                s.integer("INGRESS_INSTANCE", 0),
                s.longValue("REPLY_WAIT_MS", 2000),
                s.integer("INGRESS_MAX_PENDING", 20000),
                s.longValue("KAFKA_SEND_TIMEOUT_MS", 5000),
                s.longValue("HTTP_IDLE_TIMEOUT_MS", 30000),
                s.integer("HTTP_MAX_CONNECTIONS", 4096));
    }
}
