package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a data dir keeps the jobs' savepoints and retained checkpoints: a subdirectory per job
 * under {@code savepoints/} and {@code checkpoints/}, so that neither job ever resumes from the
 * other's state. A data dir from before there were two jobs holds balance-engine's directly
 * under both roots; the engine still resumes from those while they are its newest.
 */
public record JobStateDirs(Path savepointRoot, Path checkpointRoot) {

    public static JobStateDirs in(Path dataDir) {
        return new JobStateDirs(dataDir.resolve("savepoints"), dataDir.resolve("checkpoints"));
    }

    public Path savepoints(HipocJob job) {
        return savepointRoot.resolve(job.jobName());
    }

    public Path checkpoints(HipocJob job) {
        return checkpointRoot.resolve(job.jobName());
    }

    /** The newest savepoint or retained checkpoint {@code job} can resume from. */
    public Optional<RestorePoint> newest(HipocJob job) {
        List<Path> savepointDirs = new ArrayList<>(List.of(savepoints(job)));
        List<Path> checkpointDirs = new ArrayList<>(List.of(checkpoints(job)));
        if (job == HipocJob.BALANCE_ENGINE) {
            // Scanned at a savepoint's and a checkpoint's own depth, the roots yield only the
            // previous layout's restore points, never those inside the jobs' subdirectories.
            savepointDirs.add(savepointRoot);
            checkpointDirs.add(checkpointRoot);
        }
        return RestorePoint.newest(savepointDirs, checkpointDirs);
    }

    /**
     * Deletes every savepoint and retained checkpoint of {@code job} in this data dir, so that
     * no later start resumes from state that was given up.
     */
    public void forget(HipocJob job) throws IOException {
        DirectoryTree.delete(savepoints(job));
        DirectoryTree.delete(checkpoints(job));
    }
}
