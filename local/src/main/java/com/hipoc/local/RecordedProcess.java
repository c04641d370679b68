package com.hipoc.local;

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

    /** The process a line records, if it still runs. */
    static Optional<ProcessHandle> stillRunning(String line) {
        String[] pidAndStart = line.trim().split(" ");
        Instant start = Instant.parse(pidAndStart[1]);
        return ProcessHandle.of(Long.parseLong(pidAndStart[0]))
                .filter(p -> p.info().startInstant().map(start::equals).orElse(false));
    }
}
