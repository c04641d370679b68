package com.hipoc.local;

import com.hipoc.config.HipocConfig;

import java.util.Map;
import java.util.Optional;

/**
 * The services the environment points at instead of embedded ones (KAFKA_BROKERS, MYSQL_HOST,
 * REDIS_HOST set), and the topic layout, read once with the same names and defaults as the
 * ingress and job.
 */
public record ExternalServices(
        Optional<String> kafkaBrokers,
        Optional<MysqlEndpoint> mysql,
        Optional<RedisAddress> redis,
        int commandPartitions,
        int resultPartitions,
        boolean hmacConfigured) {

    public static ExternalServices none() {
        return from(Map.of());
    }

    public static ExternalServices from(Map<String, String> env) {
        HipocConfig c = HipocConfig.from(env);
        return new ExternalServices(
                isSet(env, "KAFKA_BROKERS") ? Optional.of(c.kafka().brokers()) : Optional.empty(),
                isSet(env, "MYSQL_HOST")
                        ? Optional.of(new MysqlEndpoint(c.mysql().host(), c.mysql().port(), c.mysql().user(), c.mysql().password(), c.mysql().database()))
                        : Optional.empty(),
                isSet(env, "REDIS_HOST") ? Optional.of(new RedisAddress(c.redis().host(), c.redis().port())) : Optional.empty(),
                c.kafka().commandPartitions(),
                c.kafka().resultPartitions(),
                !c.ingress().hmacSecret().isEmpty());
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
