package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * RocksDB's working directories of the local stacks' TaskManagers, one per data dir, each naming
 * the TaskManager that uses it. A stack that stops removes its own; one whose processes were
 * killed (SIGKILL, a crash) cannot, and under /dev/shm its files would hold memory until a stack
 * started again on the same data dir. So a starting stack also removes the directories beside its
 * own whose TaskManager is gone.
 */
final class RocksDbWorkDirs {
    private static final String OWNER = "taskmanager.pid";

    private RocksDbWorkDirs() {
    }

    /** Empties {@code dir} for a TaskManager about to start; {@link #own} then names it. */
    static void clear(Path dir) throws IOException {
        DirectoryTree.delete(dir);
        Files.createDirectories(dir);
    }

    /** Records {@code taskManager} as the process using {@code dir}. */
    static void own(Path dir, ProcessHandle taskManager) throws IOException {
        RecordedProcess.write(dir.resolve(OWNER), taskManager);
    }

    /**
     * Removes the directories beside {@code own} whose name starts with {@code prefix} and whose
     * TaskManager no longer runs; one without an owner (being set up, or from an older build) is
     * left alone, and so is one whose owner cannot be read or that cannot be removed.
     *
     * @return the directories removed
     */
    static List<Path> removeOrphans(Path own, String prefix) throws IOException {
        List<Path> removed = new ArrayList<>();
        List<Path> siblings;
        try (Stream<Path> dirs = Files.list(own.toAbsolutePath().getParent())) {
            siblings = dirs.filter(d -> d.getFileName().toString().startsWith(prefix) && !d.equals(own.toAbsolutePath()))
                    .toList();
        }
        for (Path dir : siblings) {
            Path owner = dir.resolve(OWNER);
            try {
                if (Files.isRegularFile(owner) && RecordedProcess.running(owner).isEmpty()) {
                    DirectoryTree.delete(dir);
                    removed.add(dir);
                }
            } catch (IOException | IllegalArgumentException e) {
                // Another user's, going away meanwhile, or an owner not written by this class: not
                // this stack's to clean, nor a reason not to start.
            }
        }
        return removed;
    }
}
