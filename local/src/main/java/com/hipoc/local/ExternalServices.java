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
                isSet(env, "KAFKA_BROKERS") ? Optional.of(c.kafkaBrokers()) : Optional.empty(),
                isSet(env, "MYSQL_HOST")
                        ? Optional.of(new MysqlEndpoint(c.mysqlHost(), c.mysqlPort(), c.mysqlUser(), c.mysqlPassword(), c.mysqlDatabase()))
                        : Optional.empty(),
                isSet(env, "REDIS_HOST") ? Optional.of(new RedisAddress(c.redisHost(), c.redisPort())) : Optional.empty(),
                c.commandPartitions(),
                c.resultPartitions(),
                !c.hmacSecret().isEmpty());
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
