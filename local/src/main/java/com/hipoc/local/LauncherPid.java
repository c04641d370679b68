package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Files.createDirectories(dataDir);
        RecordedProcess.write(dataDir.resolve(FILE), ProcessHandle.current());
    }

    static void remove(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }

    /** The data dir's launcher, if one runs. */
    static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        return RecordedProcess.running(dataDir.resolve(FILE));
    }
}
