package com.hipoc.bench;

import com.hipoc.local.RepoLayout;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bin/hipoc verify}, the reconciliation of engine, ledger and read models, run after the
 * load as an operator runs it: its exit code decides, its last line summarises.
 */
final class VerifyAfterLoad {
    /**
     * Verify waits, up to this long, for the read models to catch up: after a run at the engine's
     * full speed they may trail it by minutes. It returns as soon as they have.
     */
    private static final String DRAIN_WAIT_MS = "600000";

    private VerifyAfterLoad() {
    }

    static Check run(Path dataDir, PrintStream out) throws IOException, InterruptedException {
        Path hipoc = RepoLayout.locate().root().resolve("bin/hipoc");
        Process p = new ProcessBuilder(hipoc.toString(), "verify", "--data-dir", dataDir.toString(), "--wait-ms", DRAIN_WAIT_MS)
                .redirectErrorStream(true)
                .start();
        // Verify ends on its own: its wait for the read models is bounded by --wait-ms.
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = p.waitFor();
        out.println(output);
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        return new Check(exit == 0, "bin/hipoc verify exit " + exit + ": " + last);
    }
}
