package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkConfigFileTest {
    @Test
    void overridesReplaceKeysAndDroppedPrefixesDisappear(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), String.join("\n",
                "# why rest.port is 8081",
                "rest.port: 8081",
                "state.backend.type: rocksdb",
                "metrics.reporter.prom.port: 9249-9260",
                ""));
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("rest.port", "18081");
        overrides.put("io.tmp.dirs", "/data/tmp");
        Path target = dir.resolve("conf/config.yaml");

        FlinkConfigFile.write(template, target, overrides, List.of("metrics.reporter."));

        assertThat(FlinkConfigFile.value(target, "rest.port")).contains("18081");
        assertThat(FlinkConfigFile.value(target, "state.backend.type")).contains("rocksdb");
        assertThat(FlinkConfigFile.value(target, "io.tmp.dirs")).contains("/data/tmp");
        assertThat(FlinkConfigFile.value(target, "metrics.reporter.prom.port")).isEmpty();
        assertThat(Files.readString(target)).contains("# why rest.port is 8081");
    }

    @Test
    void theProductionConfigMatchesThePomAndTheArchitecture() throws Exception {
        Path production = Path.of("..", "flink-conf", "config.yaml");

        String pom = Files.readString(Path.of("..", "pom.xml"));
        String pomOpens = pom.substring(pom.indexOf("<java.opens>") + "<java.opens>".length(), pom.indexOf("</java.opens>"));

        assertThat(FlinkConfigFile.value(production, "env.java.opts.all")).as("same list as java.opens in pom.xml").contains(pomOpens);
        assertThat(FlinkConfigFile.value(production, "execution.checkpointing.interval")).contains("1s");
        assertThat(FlinkConfigFile.value(production, "pipeline.generic-types")).contains("false");
    }
}
