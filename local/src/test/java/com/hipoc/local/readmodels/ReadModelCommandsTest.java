package com.hipoc.local.readmodels;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The options of the read-model commands (verify, rebuild-read-models) as picocli reads them. */
class ReadModelCommandsTest {
    private static <T> T parsed(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void verifyWaitsNotAtAllUnlessAsked() {
        assertThat(parsed(new VerifyCommand()).drainWait()).isEqualTo(Duration.ZERO);
        assertThat(parsed(new VerifyCommand(), "--wait-ms=30000").drainWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(parsed(new VerifyCommand(), "--data-dir", "d").dataDir.path()).isEqualTo(Path.of("d").toAbsolutePath());
    }

    @Test
    void rebuildFindsTheStackByItsDataDirAndTakesAJar() {
        RebuildReadModelsCommand rebuild = parsed(new RebuildReadModelsCommand(), "--data-dir=/tmp/d", "--jar", "rm.jar");
        assertThat(rebuild.jar).isEqualTo(Path.of("rm.jar"));
        assertThat(rebuild.dataDir.path()).isEqualTo(Path.of("/tmp/d"));
    }
}
