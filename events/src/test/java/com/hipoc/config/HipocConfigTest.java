package com.hipoc.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings read once from the environment into one typed record per part. */
class HipocConfigTest {
    @Test
    void eachPartHasTheDocumentedDefaults() {
        HipocConfig config = HipocConfig.from(Map.of());

        assertThat(config.kafka()).isEqualTo(new KafkaSettings("127.0.0.1:9092", "hipoc", "hipoc-engine", 8, 4));
        assertThat(config.kafka().readModelsConsumerGroup()).isEqualTo("hipoc-engine-read-models");
        assertThat(config.mysql()).isEqualTo(new MysqlSettings("127.0.0.1", 3306, "root", "", "hipoc"));
        assertThat(config.redis()).isEqualTo(new RedisSettings("127.0.0.1", 6379));
        assertThat(config.ingress()).isEqualTo(new IngressSettings("127.0.0.1", 8080, "", 0, 2000, 20000, 5000, 30000, 4096));
        assertThat(config.jobs()).isEqualTo(new JobSettings("rocksdb", "file:///tmp/hipoc-checkpoints", 1000, 86_400_000, 100_000));
    }

    @Test
    void theEnvironmentSetsEachPartAndABlankValueMeansTheDefault() {
        HipocConfig config = HipocConfig.from(Map.of("KAFKA_BROKERS", "k:1", "MYSQL_PORT", "3307", "REDIS_HOST", "r",
                "PORT", "9000", "MYSQL_DATABASE", "  "));

        assertThat(config.kafka().brokers()).isEqualTo("k:1");
        assertThat(config.mysql().port()).isEqualTo(3307);
        assertThat(config.mysql().database()).isEqualTo("hipoc");
        assertThat(config.mysql().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3307/hipoc?rewriteBatchedStatements=true");
        assertThat(config.redis().host()).isEqualTo("r");
        assertThat(config.ingress().httpPort()).isEqualTo(9000);
    }

    @Test
    void aBadValueIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> HipocConfig.from(Map.of("REDIS_PORT", "six"))).hasMessage("REDIS_PORT must be an integer, got 'six'");
        assertThatThrownBy(() -> HipocConfig.from(Map.of("CACHED_ACCOUNTS", "-1")))
                .hasMessage("CACHED_ACCOUNTS must be 0 or more, got -1");
        assertThatThrownBy(() -> HipocConfig.from(Map.of("CACHED_ACCOUNTS", "3000000000")))
                .hasMessage("CACHED_ACCOUNTS must be an integer from -2147483648 to 2147483647, got '3000000000'");
    }

    @Test
    void programArgumentsWinOverTheEnvironmentAndMustBeNameEqualsValue() {
        HipocConfig config = HipocConfig.fromEnvironmentAndArgs(new String[] {"--CHECKPOINT_DIR=file:///cp/engine"});

        assertThat(config.jobs().checkpointDir()).isEqualTo("file:///cp/engine");
        assertThatThrownBy(() -> HipocConfig.fromEnvironmentAndArgs(new String[] {"CHECKPOINT_DIR"}))
                .hasMessage("expected --NAME=value, got 'CHECKPOINT_DIR'");
    }
}
