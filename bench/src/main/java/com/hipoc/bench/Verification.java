package com.hipoc.bench;

import com.hipoc.local.RepoLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/hipoc verify}, the reconciliation of engine, ledger and read models, run after the
 * load as an operator runs it: its exit code decides, its last line summarises.
 */
final class Verification {
    /** The sinks flush at each checkpoint (1 s): two intervals let the last decisions land. */
    private static final long SETTLE_MS = 3_000;

    private Verification() {
    }

    static Check run(Path dataDir) throws IOException, InterruptedException {
        Thread.sleep(SETTLE_MS);
        Path hipoc = RepoLayout.locate().root().resolve("bin/hipoc");
        Process p = new ProcessBuilder(hipoc.toString(), "verify", "--data-dir", dataDir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Check(false, "bin/hipoc verify did not finish within 5 minutes");
        }
        System.out.println(output);
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        return new Check(p.exitValue() == 0, "bin/hipoc verify exit " + p.exitValue() + ": " + last);
    }
}
