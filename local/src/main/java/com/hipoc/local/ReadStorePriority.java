package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the embedded read stores (MariaDB, Redis) share the machine's cores with the decision path
 * (Kafka, the engine). The design lets the read models trail while commands are decided, so
 * under overload the stores should wait, not the decisions; on one shared machine the scheduler
 * must be told. Linux groups a session's processes into one CPU autogroup and shares the cores
 * fairly between groups, so a process's nice value alone only counts against its own session:
 * the store needs a session of its own, and that session's group a nice value (BENCHMARKS.md,
 * twenty-fourth and twenty-fifth sessions).
 */
public enum ReadStorePriority {
    /** The scheduler's default: the stores compete for the cores like every other part. */
    NORMAL,
    /** Its own session, whose autogroup and process run at {@link #BACKGROUND_NICE}: the stores yield under load. */
    BACKGROUND;

    /**
     * A tenth of a nice-0 group's weight (110 against 1,024). Nice 19 (weight 15) decided no more
     * commands flat out, but starved the stores at any rate that kept the cores busy: at 3,000
     * commands/s the read models fell 18-28 s behind, against 1.3-1.5 s at 10 and 0.4-2.5 s at 0.
     */
    static final int BACKGROUND_NICE = 10;

    /** The name {@code hipoc local --read-store-priority} takes, as picocli matches it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The executable to start in place of {@code server}: the server itself, or a script in
     * {@code dir} that runs it at this priority under the same process id, so whoever started it
     * can still stop it by that id.
     */
    Path launcher(Path server, Path dir) throws IOException {
        if (this == NORMAL) {
            return server;
        }
        Path script = dir.resolve(server.getFileName() + "-in-background");
        // setsid does not fork here (the caller's child leads no process group), and the shell
        // execs the server, so the process id is the one the caller sees. Changing an autogroup's
        // nice is rate-limited across the machine (once per 100 ms), hence the retries; where
        // autogroups are off the write fails and the process's own nice is what counts.
        Files.writeString(script, "#!/bin/sh\n"
                + "exec setsid sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do [ -e /proc/self/autogroup ] || break;"
                + " echo " + BACKGROUND_NICE + " 2>/dev/null > /proc/self/autogroup && break; sleep 0.1; done;"
                + " exec nice -n " + BACKGROUND_NICE + " \"$0\" \"$@\"' " + quoted(server) + " \"$@\"\n");
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return script;
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }
}
