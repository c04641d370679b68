package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The launcher ({@code hipoc local}) running on a data dir, recorded in {@code <data-dir>/launcher.pid}
 * while it runs: how {@code hipoc stop} finds it. A launcher killed with SIGKILL leaves the file
 * behind; its process no longer runs, so the file then names nothing.
 */
final class LauncherPid {
    static final String FILE = "launcher.pid";

    private LauncherPid() {
    }

    /** Records this JVM as the data dir's launcher. */
    static void write(Path dataDir) throws IOException {
        String line = RecordedProcess.line(ProcessHandle.current())
                .orElseThrow(() -> new IllegalStateException("this system does not tell a process's start time"));
        Files.createDirectories(dataDir);
        // Written whole, then renamed into place: `hipoc stop` may read it at any moment.
        Path written = Files.writeString(dataDir.resolve(FILE + ".new"), line + "\n");
        Files.move(written, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void remove(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }

    /** The data dir's launcher, if one runs. */
    static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        return Files.exists(file) ? RecordedProcess.stillRunning(Files.readString(file)) : Optional.empty();
    }
}
