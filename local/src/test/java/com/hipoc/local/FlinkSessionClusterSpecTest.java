package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FlinkSessionClusterSpecTest {
    @TempDir
    Path base;

    private FlinkSessionCluster.Spec spec(String dataDir) {
        return new FlinkSessionCluster.Spec(base.resolve("lib"), base.resolve("config.yaml"), base.resolve(dataDir), 8081, 2, Map.of());
    }

    @Test
    void rocksDbWorksInMemoryOnePlacePerDataDir() {
        assumeTrue(Files.isWritable(Path.of("/dev/shm")), "this machine has no writable /dev/shm");

        Path first = spec("a").rocksDbDir();
        Path second = spec("b").rocksDbDir();

        assertThat(first.getParent()).isEqualTo(Path.of("/dev/shm"));
        assertThat(first).isNotEqualTo(second).isEqualTo(spec("a/../a").rocksDbDir());
    }
}
