package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as the data dir records it, {@code <pid> <start time>}. A pid counts only with the
 * same start time, so a pid the system has given to another process since is never touched.
 */
final class RecordedProcess {
    private RecordedProcess() {
    }

    /** The line that records {@code p}, if the system tells its start time. */
    static Optional<String> line(ProcessHandle p) {
        return p.info().startInstant().map(start -> p.pid() + " " + start);
    }

    /**
     * Records {@code p} alone in {@code file}, written whole and then renamed into place: another
     * process may read the file at any moment.
     */
    static void write(Path file, ProcessHandle p) throws IOException {
        String recorded = line(p).orElseThrow(() -> new IllegalStateException("this system does not tell a process's start time"));
        Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), recorded + "\n");
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The process {@code file} records, if there is such a file and the process still runs. */
    static Optional<ProcessHandle> running(Path file) throws IOException {
        return Files.exists(file) ? stillRunning(Files.readString(file)) : Optional.empty();
    }

    /**
     * The process a line records, if it still runs.
     *
     * @throws IllegalArgumentException naming the line when it is not {@code <pid> <start time>}
     */
    static Optional<ProcessHandle> stillRunning(String line) {
        String[] pidAndStart = line.trim().split(" ");
        if (pidAndStart.length != 2) {
            throw notRecorded(line, null);
        }
        Instant start;
        long pid;
        try {
            start = Instant.parse(pidAndStart[1]);
            pid = Long.parseLong(pidAndStart[0]);
        } catch (DateTimeException | NumberFormatException e) {
            throw notRecorded(line, e);
        }
        return ProcessHandle.of(pid).filter(p -> p.info().startInstant().map(start::equals).orElse(false));
    }

    private static IllegalArgumentException notRecorded(String line, Exception cause) {
        return new IllegalArgumentException("not a recorded process (<pid> <start time>): '" + line.trim() + "'", cause);
    }
}
