package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hipoc stop} against real processes: a stand-in launcher, and processes that are not the data dir's launcher. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class StopCommandTest {
    @TempDir
    Path dataDir;

    private int stop() throws Exception {
        StopCommand stop = new StopCommand();
        new CommandLine(stop).parseArgs("--data-dir", dataDir.toString());
        return stop.call();
    }

    @Test
    void stopsTheDataDirsLauncherLikeCtrlCAndReturnsOnceItHasExited() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process launcher = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LauncherStandIn.class.getName(), dataDir.toString()).inheritIO().start();
        try {
            Await.until("the stand-in's pid file", Duration.ofSeconds(30), () -> Files.exists(dataDir.resolve(LauncherPid.FILE)));

            assertThat(stop()).isZero();

            assertThat(dataDir.resolve(LauncherPid.FILE)).as("removed by the launcher in its last second").doesNotExist();
            assertThat(launcher.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).as("an orderly stop, not a kill").isZero();
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void saysSoWhenNoLauncherRunsThere() {
        assertThatThrownBy(this::stop).isInstanceOf(IllegalStateException.class)
                .hasMessage("no hipoc local is running on " + dataDir + " (no live process recorded in "
                        + dataDir.resolve(LauncherPid.FILE) + ")");
    }

    @Test
    void leavesAloneAProcessThatOnlyHasTheRecordedPid() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            // Its pid, but another start time: the launcher died and the system gave its pid to this process.
            Files.writeString(dataDir.resolve(LauncherPid.FILE), other.pid() + " 2000-01-01T00:00:00Z\n");

            assertThatThrownBy(this::stop).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no hipoc local is running");
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }
}
