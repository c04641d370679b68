package com.hipoc.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static com.hipoc.local.HipocJob.BALANCE_ENGINE;
import static com.hipoc.local.HipocJob.READ_MODELS;
import static org.assertj.core.api.Assertions.assertThat;

class JobStateDirsTest {
    @TempDir
    Path data;

    private JobStateDirs dirs() {
        return JobStateDirs.in(data);
    }

    @Test
    void nothingToRestoreInAFreshDataDir() {
        assertThat(dirs().newest(BALANCE_ENGINE)).isEmpty();
        assertThat(dirs().newest(READ_MODELS)).isEmpty();
    }

    @Test
    void aCheckpointNewerThanTheLastSavepointWins() throws Exception {
        metadata("savepoints/balance-engine/savepoint-a1-1", 100);
        Path chk = metadata("checkpoints/balance-engine/job1/chk-7", 200);
        metadata("checkpoints/balance-engine/job1/chk-6", 150);

        RestorePoint newest = dirs().newest(BALANCE_ENGINE).orElseThrow();

        assertThat(newest.path()).isEqualTo(chk);
        assertThat(newest.checkpoint()).isTrue();
    }

    @Test
    void aSavepointTakenAfterTheCheckpointsWins() throws Exception {
        metadata("checkpoints/read-models/job1/chk-7", 200);
        Path savepoint = metadata("savepoints/read-models/savepoint-a1-2", 300);

        RestorePoint newest = dirs().newest(READ_MODELS).orElseThrow();

        assertThat(newest.path()).isEqualTo(savepoint);
        assertThat(newest.checkpoint()).isFalse();
    }

    @Test
    void anUnfinishedCheckpointWithoutMetadataIsIgnored() throws Exception {
        Files.createDirectories(data.resolve("checkpoints/balance-engine/job1/chk-9"));
        Path chk = metadata("checkpoints/balance-engine/job1/chk-8", 100);

        assertThat(dirs().newest(BALANCE_ENGINE).orElseThrow().path()).isEqualTo(chk);
    }

    @Test
    void eachJobResumesFromItsOwnStateHoweverNewerTheOthersIs() throws Exception {
        Path engine = metadata("savepoints/balance-engine/savepoint-e-1", 100);
        Path readModels = metadata("checkpoints/read-models/job2/chk-3", 100);
        metadata("savepoints/read-models/savepoint-r-1", 50);
        metadata("checkpoints/balance-engine/job1/chk-1", 10);

        assertThat(dirs().newest(BALANCE_ENGINE).orElseThrow().path()).isEqualTo(engine);
        assertThat(dirs().newest(READ_MODELS).orElseThrow().path()).isEqualTo(readModels);
    }

    @Test
    void theEngineStillResumesFromADataDirOfTheOneJobLayout() throws Exception {
        Path oldCheckpoint = metadata("checkpoints/job0/chk-4", 100);
        metadata("savepoints/savepoint-old-1", 50);

        assertThat(dirs().newest(BALANCE_ENGINE).orElseThrow().path()).isEqualTo(oldCheckpoint);
        assertThat(dirs().newest(READ_MODELS)).as("the old layout held only the engine's").isEmpty();

        Path newer = metadata("savepoints/balance-engine/savepoint-e-2", 200);
        assertThat(dirs().newest(BALANCE_ENGINE).orElseThrow().path()).isEqualTo(newer);
    }

    @Test
    void aForgottenJobHasNothingLeftToResumeFromAndTheOtherKeepsItsState() throws Exception {
        metadata("savepoints/read-models/savepoint-r-1", 100);
        metadata("checkpoints/read-models/job2/chk-3", 200);
        Path engine = metadata("checkpoints/balance-engine/job1/chk-5", 50);

        dirs().forget(READ_MODELS);

        assertThat(dirs().newest(READ_MODELS)).isEmpty();
        assertThat(dirs().newest(BALANCE_ENGINE).orElseThrow().path()).isEqualTo(engine);
    }

    private Path metadata(String dir, long epochSecond) throws Exception {
        Path d = Files.createDirectories(data.resolve(dir));
        Path file = Files.writeString(d.resolve("_metadata"), "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return d;
    }
}
