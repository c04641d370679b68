package com.hipoc.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server started as a child JVM with its output in a log file. Stopping it stops its whole
 * process tree: TERM first so it can shut down cleanly, KILL after a grace period.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final ProcessBuilder builder;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, ProcessBuilder builder, Path log) throws IOException {
        this.name = name;
        this.builder = builder;
        this.process = builder.start();
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> detached = new ArrayList<>();
        // Its own session: a terminal's Ctrl-C goes to the whole foreground process group, and
        // the child must keep running until the launcher stops the parts in order.
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(detached)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return new ChildProcess(name, pb, log);
    }

    /** SIGKILL to the whole tree at once, no grace: a crash, or the OOM killer. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    /** The same command again, as a supervisor starts a crashed process again; this one must be gone. */
    ChildProcess startAgain() throws IOException {
        return new ChildProcess(name, builder, log);
    }

    /** Java of this JVM, so children run on the same runtime as the launcher. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Fails, naming the log to read, when the process has exited. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle p : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            }
        }
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
