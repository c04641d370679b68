package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The child processes of a running stack, recorded in the data dir. A launcher killed without a
 * chance to stop them (kill -9, a crash) leaves them running on the data dir's files and ports;
 * the next start stops them first.
 */
final class Leftovers {
    private final Path file;

    Leftovers(Path dataDir) {
        this.file = dataDir.resolve("children.pids");
    }

    /** Records every process this JVM has started, directly or not. */
    void record() throws IOException {
        List<String> lines = ProcessHandle.current().descendants()
                .flatMap(p -> RecordedProcess.line(p).stream())
                .toList();
        Files.write(file, lines);
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Stops the recorded processes that still run; returns how many there were. */
    int stopAll() throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> alive = Files.readAllLines(file).stream()
                .map(RecordedProcess::stillRunning)
                .flatMap(Optional::stream)
                .toList();
        alive.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : alive) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            }
        }
        clear();
        return alive.size();
    }
}
