package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RestorePointTest {
    @TempDir
    Path data;

    @Test
    void nothingToRestoreInAFreshDataDir() {
        assertThat(RestorePoint.newest(data.resolve("savepoints"), data.resolve("checkpoints"))).isEmpty();
    }

    @Test
    void aSavepointNamedByAnOperatorIsAPathOrTheFileUriFlinkPrints() {
        RestorePoint fromUri = RestorePoint.savepoint("file:/srv/savepoints/savepoint-5c7e5c-0489bd83f0ba");
        RestorePoint fromPath = RestorePoint.savepoint("/srv/savepoints/savepoint-5c7e5c-0489bd83f0ba");

        assertThat(fromUri).isEqualTo(fromPath);
        assertThat(fromUri.path()).isEqualTo(Path.of("/srv/savepoints/savepoint-5c7e5c-0489bd83f0ba"));
        assertThat(fromUri.checkpoint()).as("kept for the operator, never claimed by the job").isFalse();
    }

    @Test
    void aCheckpointNewerThanTheLastSavepointWins() throws Exception {
        metadata("savepoints/savepoint-a1-1", 100);
        Path chk = metadata("checkpoints/job1/chk-7", 200);
        metadata("checkpoints/job1/chk-6", 150);

        RestorePoint newest = RestorePoint.newest(data.resolve("savepoints"), data.resolve("checkpoints")).orElseThrow();

        assertThat(newest.path()).isEqualTo(chk);
        assertThat(newest.checkpoint()).isTrue();
    }

    @Test
    void aSavepointTakenAfterTheCheckpointsWins() throws Exception {
        metadata("checkpoints/job1/chk-7", 200);
        Path savepoint = metadata("savepoints/savepoint-a1-2", 300);

        RestorePoint newest = RestorePoint.newest(data.resolve("savepoints"), data.resolve("checkpoints")).orElseThrow();

        assertThat(newest.path()).isEqualTo(savepoint);
        assertThat(newest.checkpoint()).isFalse();
    }

    @Test
    void anUnfinishedCheckpointWithoutMetadataIsIgnored() throws Exception {
        Files.createDirectories(data.resolve("checkpoints/job1/chk-9"));
        Path chk = metadata("checkpoints/job1/chk-8", 100);

        assertThat(RestorePoint.newest(data.resolve("savepoints"), data.resolve("checkpoints")).orElseThrow().path()).isEqualTo(chk);
    }

    private Path metadata(String dir, long epochSecond) throws Exception {
        Path d = Files.createDirectories(data.resolve(dir));
        Path file = Files.writeString(d.resolve("_metadata"), "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return d;
    }
}
