package com.hipoc.local.readmodels;

import com.hipoc.config.HipocConfig;
import com.hipoc.local.Endpoints;
import com.hipoc.local.MysqlEndpoint;
import com.hipoc.local.RedisAddress;

import java.nio.file.Path;
import java.util.Map;

/**
 * The MySQL and Redis holding the read models of a running stack, and the Kafka whose topics
 * they are built from, with KAFKA_CONSUMER_GROUP, which names the jobs' consumer groups there.
 */
public record ReadModelStores(MysqlEndpoint mysql, RedisAddress redis, String kafkaBrokers, String kafkaConsumerGroup) {

    /**
     * Those the local stack recorded in its data dir, else those the environment names (with
     * HipocConfig's defaults). The recorded endpoints hold no password: MYSQL_PASSWORD gives it.
     */
    public static ReadModelStores locate(Path dataDir, Map<String, String> env) {
        HipocConfig config = HipocConfig.from(env);
        return Endpoints.load(dataDir)
                .map(e -> {
                    MysqlEndpoint m = e.services().mysql();
                    return new ReadModelStores(new MysqlEndpoint(m.host(), m.port(), m.user(), config.mysql().password(), m.database()),
                            e.services().redis(), e.services().kafkaBrokers(), config.kafka().consumerGroup());
                })
                .orElseGet(() -> new ReadModelStores(
                        new MysqlEndpoint(config.mysql().host(), config.mysql().port(), config.mysql().user(), config.mysql().password(),
                                config.mysql().database()),
                        new RedisAddress(config.redis().host(), config.redis().port()), config.kafka().brokers(), config.kafka().consumerGroup()));
    }
}
