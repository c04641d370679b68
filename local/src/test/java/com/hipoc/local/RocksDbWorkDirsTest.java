package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** RocksDB's working directories: a starting stack removes those whose TaskManager is gone, and only those. */
class RocksDbWorkDirsTest {
    @Test
    void removesTheDirectoriesOfTaskManagersThatAreGoneAndKeepsTheRest(@TempDir Path shm) throws Exception {
        Path own = shm.resolve("hipoc-rocksdb-own");
        Path orphan = usedByAProcessThatIsKilled(shm.resolve("hipoc-rocksdb-killed"));
        Path live = used(shm.resolve("hipoc-rocksdb-running"), ProcessHandle.current());
        Path settingUp = Files.createDirectories(shm.resolve("hipoc-rocksdb-starting"));
        Path other = usedByAProcessThatIsKilled(shm.resolve("someone-else"));
        Path garbled = Files.createDirectories(shm.resolve("hipoc-rocksdb-garbled"));
        Files.writeString(garbled.resolve("taskmanager.pid"), "12");

        assertThat(RocksDbWorkDirs.removeOrphans(own, "hipoc-rocksdb-")).containsExactly(orphan);

        assertThat(orphan).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(settingUp).as("no owner yet").isDirectory();
        assertThat(other).as("not a stack's").isDirectory();
        assertThat(garbled).as("an owner it cannot read").isDirectory();
    }

    @Test
    void clearingEmptiesTheDirectoryForTheNextTaskManager(@TempDir Path shm) throws Exception {
        Path dir = used(shm.resolve("hipoc-rocksdb-x"), ProcessHandle.current());
        Files.writeString(Files.createDirectories(dir.resolve("job_1")).resolve("000001.sst"), "old");

        RocksDbWorkDirs.clear(dir);

        assertThat(dir).isEmptyDirectory();
    }

    /** A working directory with a file in it, used by {@code taskManager}. */
    private static Path used(Path dir, ProcessHandle taskManager) throws IOException {
        Files.writeString(Files.createDirectories(dir).resolve("LOCK"), "");
        RocksDbWorkDirs.own(dir, taskManager);
        return dir;
    }

    private static Path usedByAProcessThatIsKilled(Path dir) throws Exception {
        Process taskManager = new ProcessBuilder("sleep", "60").start();
        used(dir, taskManager.toHandle());
        taskManager.destroyForcibly().waitFor();
        return dir;
    }
}
