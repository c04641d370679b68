package com.hipoc.bench;

import com.hipoc.local.LocalOptions;
import com.hipoc.local.RepoLayout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code bin/hipoc local} run as a user runs it, its output copied to the test's. */
final class HipocProcess {
    private final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();

    private HipocProcess(Process process) {
        this.process = process;
        Thread pump = new Thread(this::copyOutput, "hipoc-output");
        pump.setDaemon(true);
        pump.start();
    }

    static HipocProcess start(RepoLayout repo, Path dataDir, int httpPort, int flinkPort) throws IOException {
        Process p = new ProcessBuilder(repo.root().resolve("bin/hipoc").toString(), "local",
                "--data-dir", dataDir.toString(), "--http-port", Integer.toString(httpPort), "--flink-port", Integer.toString(flinkPort),
                "--warmup-limit", Long.toString(LocalOptions.TEST_WARMUP_LIMIT.toSeconds()))
                .directory(repo.root().toFile())
                .redirectErrorStream(true)
                .start();
        return new HipocProcess(p);
    }

    private void copyOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println("[hipoc] " + line);
                if (line.startsWith("READY ")) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("bin/hipoc ended before READY"));
    }

    /** Waits for the READY line and returns it. */
    String awaitReady() throws Exception {
        String line = ready.get(4, TimeUnit.MINUTES);
        System.out.printf("bin/hipoc local start-up until READY: %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
        return line;
    }

    /** Its pid: bin/hipoc replaces itself with the launcher JVM. */
    long pid() {
        return process.pid();
    }

    /** The exit code of a process that has exited, or is being reaped (a few seconds at most). */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("bin/hipoc is still running");
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as a service manager would, and returns the exit code. */
    int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() also closes our end of its output, which would
        // lose the shutdown lines.
        process.toHandle().destroy();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/hipoc did not exit within 3 minutes of SIGTERM");
        }
        return process.exitValue();
    }
}
