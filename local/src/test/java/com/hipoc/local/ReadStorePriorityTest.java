package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReadStorePriorityTest {
    /** Prints what the scheduler knows of the process it runs as: pid, session, nice, autogroup. */
    private static final String REPORT = "echo $$ $(cut -d' ' -f6,19 /proc/$$/stat); cat /proc/$$/autogroup 2>/dev/null || echo none";

    @Test
    void backgroundRunsTheServerUnderItsOwnPidInASessionAndAutogroupOfItsOwnAtTheBackgroundNice(@TempDir Path dir) throws Exception {
        Path launcher = ReadStorePriority.BACKGROUND.launcher(Path.of("/bin/sh"), dir);

        Process p = new ProcessBuilder(launcher.toString(), "-c", REPORT).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");

        String[] ids = lines[0].trim().split("\\s+");
        assertThat(Long.parseLong(ids[0])).as("the pid its starter sees").isEqualTo(p.pid());
        assertThat(Long.parseLong(ids[1])).as("a session of its own").isEqualTo(p.pid());
        // nice(1) adds to the nice the test runs at; the kernel stops at 19.
        assertThat(Integer.parseInt(ids[2])).as("its own nice").isEqualTo(Math.min(19, ownNice() + ReadStorePriority.BACKGROUND_NICE));
        if (!lines[1].equals("none")) {
            assertThat(lines[1]).as("its autogroup's nice").endsWith("nice " + ReadStorePriority.BACKGROUND_NICE);
        }
    }

    /** This JVM's nice: field 19 of /proc/self/stat, counted from the command's closing parenthesis, since a command may hold spaces. */
    private static int ownNice() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    @Test
    void normalRunsTheServerItself(@TempDir Path dir) throws Exception {
        assertThat(ReadStorePriority.NORMAL.launcher(Path.of("/bin/sh"), dir)).isEqualTo(Path.of("/bin/sh"));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aServerPathWithAQuoteStillRuns(@TempDir Path dir) throws Exception {
        Path server = Files.createDirectories(dir.resolve("it's here")).resolve("server");
        Files.writeString(server, "#!/bin/sh\necho \"ran with $1\"\n");
        assertThat(server.toFile().setExecutable(true)).isTrue();

        Process p = new ProcessBuilder(ReadStorePriority.BACKGROUND.launcher(server, dir).toString(), "an argument").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("ran with an argument");
    }
}
