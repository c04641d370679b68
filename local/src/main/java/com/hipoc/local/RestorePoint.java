package com.hipoc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest state a new job can start from: a savepoint (clean stop) or a retained checkpoint
 * (crash), whichever completed last. A checkpoint is claimed by the new job, which then deletes
 * it once subsumed; a savepoint is kept for upgrades.
 */
public record RestorePoint(Path path, boolean checkpoint) {
    private static final String METADATA = "_metadata";

    /** A savepoint named by an operator, as a path or a {@code file:} URI (the form Flink prints). */
    public static RestorePoint savepoint(String location) {
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return new RestorePoint(path.toAbsolutePath().normalize(), false);
    }

    /** The newest of the savepoints and checkpoints directly in these directories (see {@link JobStateDirs}). */
    public static Optional<RestorePoint> newest(List<Path> savepointDirs, List<Path> checkpointDirs) {
        return Stream.concat(savepointDirs.stream().flatMap(dir -> metadataFiles(dir, 2, false)),
                        checkpointDirs.stream().flatMap(dir -> metadataFiles(dir, 3, true)))
                .max(Comparator.comparing(Candidate::completedAt))
                .map(Candidate::point);
    }

    /** savepoints/savepoint-x/_metadata is 2 levels down; checkpoints/job-id/chk-N/_metadata is 3. */
    private static Stream<Candidate> metadataFiles(Path dir, int depth, boolean checkpoint) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.find(dir, depth, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(METADATA)
                && (!checkpoint || p.getParent().getFileName().toString().startsWith("chk-")))) {
            return files.map(p -> new Candidate(new RestorePoint(p.getParent(), checkpoint), modified(p))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Candidate(RestorePoint point, FileTime completedAt) {
    }
}
