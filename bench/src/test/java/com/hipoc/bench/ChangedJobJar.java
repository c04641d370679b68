package com.hipoc.bench;

import com.hipoc.local.HipocJob;
import com.hipoc.local.RepoLayout;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The job jar as a next release would build it: {@code HoldState}, the state type kept as a Flink
 * POJO, has a field that no savepoint of the current build knows (the other state types have
 * hand-written serializers, whose layout changes CompactSerializersTest covers). Made from the
 * current jar and source, so the test always upgrades from exactly what was just built.
 */
final class ChangedJobJar {
    static final String NEW_FIELD = "upgradeNote";
    private static final String STATE_CLASS = "com/hipoc/job/processor/HoldState";
    private static final String DECLARATION = "public class HoldState {";

    private ChangedJobJar() {
    }

    static Path build(RepoLayout repo, Path workDir) throws IOException {
        String source = Files.readString(repo.root().resolve("job/src/main/java/" + STATE_CLASS + ".java"));
        if (!source.contains(DECLARATION)) {
            throw new IllegalStateException("HoldState.java no longer declares '" + DECLARATION + "'; update " + ChangedJobJar.class);
        }
        Path changedSource = workDir.resolve("src/" + STATE_CLASS + ".java");
        Files.createDirectories(changedSource.getParent());
        Files.writeString(changedSource, source.replace(DECLARATION, DECLARATION + "\n    public String " + NEW_FIELD + ";\n"));

        Path classes = workDir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path currentJar = repo.jar(HipocJob.BALANCE_ENGINE);
        int exit = javac.run(null, null, null, "--release", "17", "-cp", currentJar.toString(),
                "-d", classes.toString(), changedSource.toString());
        if (exit != 0) {
            throw new IllegalStateException("javac failed on the changed HoldState (exit " + exit + ")");
        }

        Path jar = workDir.resolve("hipoc-job-next.jar");
        Files.copy(currentJar, jar, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.copy(classes.resolve(STATE_CLASS + ".class"), zip.getPath(STATE_CLASS + ".class"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }
}
