package com.hipoc.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Kafka, MySQL and Redis a stack runs on, embedded or external. */
public record BackingServices(String kafkaBrokers, MysqlEndpoint mysql, RedisAddress redis) {

    /** These services and the topic layout, by the names HipocConfig reads, for the job and the ingress. */
    public Map<String, String> environment(ExternalServices layout) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", kafkaBrokers);
        env.put("MYSQL_HOST", mysql.host());
        env.put("MYSQL_PORT", Integer.toString(mysql.port()));
        env.put("MYSQL_USER", mysql.user());
        env.put("MYSQL_PASSWORD", mysql.password());
        env.put("MYSQL_DATABASE", mysql.database());
        env.put("REDIS_HOST", redis.host());
        env.put("REDIS_PORT", Integer.toString(redis.port()));
        env.put("COMMAND_PARTITIONS", Integer.toString(layout.commandPartitions()));
        env.put("RESULT_PARTITIONS", Integer.toString(layout.resultPartitions()));
        return env;
    }
}
