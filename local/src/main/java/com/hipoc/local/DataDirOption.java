package com.hipoc.local;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir}: the local stack a command works on, found through the files it keeps there. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".hipoc",
            description = "the stack's data dir (endpoints, logs, state)")
    private Path dir;

    public Path path() {
        return dir.toAbsolutePath().normalize();
    }
}
