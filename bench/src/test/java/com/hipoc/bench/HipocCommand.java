package com.hipoc.bench;

import com.hipoc.local.RepoLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short-lived {@code bin/hipoc} command (savepoint, upgrade) run as an operator types it. */
final class HipocCommand {
    private HipocCommand() {
    }

    /** Runs {@code bin/hipoc args...}; returns what it printed on stdout, or fails with its exit code. */
    static String run(RepoLayout repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(repo.root().resolve("bin/hipoc").toString());
        command.addAll(List.of(args));
        // Its progress lines (stderr) belong in the test output.
        Process p = new ProcessBuilder(command).directory(repo.root().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/hipoc " + String.join(" ", args) + " failed; stdout: " + out);
        }
        return out;
    }
}
