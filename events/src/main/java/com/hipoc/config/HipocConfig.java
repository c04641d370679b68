package com.hipoc.config;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Every setting of Hi-PoC, read once from the environment (names and defaults in the README's
 * table and beside each field of the part that uses it; those of the original design's
 * {@code .env} kept). Serializable because a job ships it to its operators.
 */
public record HipocConfig(
        KafkaSettings kafka,
        MysqlSettings mysql,
        RedisSettings redis,
        IngressSettings ingress,
        JobSettings jobs) implements Serializable {

    public static HipocConfig fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * The environment, overridden by {@code --NAME=value} arguments: a job submitted through the
     * Flink web UI or REST API gets its settings so, and the CLI and docker-compose give each job
     * its own {@code --CHECKPOINT_DIR} this way.
     */
    public static HipocConfig fromEnvironmentAndArgs(String[] args) {
        Map<String, String> merged = new HashMap<>(System.getenv());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --NAME=value, got '" + arg + "'");
            }
            merged.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return from(merged);
    }

    public static HipocConfig from(Map<String, String> env) {
        Settings s = new Settings(env);
        return new HipocConfig(KafkaSettings.from(s), MysqlSettings.from(s), RedisSettings.from(s), IngressSettings.from(s),
                JobSettings.from(s));
    }
}
