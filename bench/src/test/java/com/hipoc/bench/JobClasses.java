package com.hipoc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jobs' classes a TaskManager JVM holds after a full GC, read with jcmd: its user-code class
 * loaders (one per job running on it, plus one per ended job whose classes leaked) and the
 * Metaspace all its classes take.
 */
record JobClasses(long classLoaders, long metaspaceKb) {
    /** Flink's default resolve order, child-first, gives each job one of these. */
    private static final String JOB_CLASS_LOADER = "org.apache.flink.util.ChildFirstClassLoader";
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Duration POLL = Duration.ofSeconds(3);

    /**
     * Polls until the TaskManager holds at most {@code loaders} job class loaders or the time is up,
     * and returns the last reading: Flink releases an ended job's class loader only once its tasks
     * have ended and its slots are freed, a few seconds after the job has stopped.
     */
    static JobClasses awaitAtMost(ProcessHandle taskManager, long loaders, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobClasses now = of(taskManager);
        while (now.classLoaders > loaders && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            now = of(taskManager);
        }
        return now;
    }

    /** After a full GC, which unloads the classes of every class loader nothing refers to any more. */
    static JobClasses of(ProcessHandle taskManager) throws IOException, InterruptedException {
        jcmd(taskManager, "GC.run");
        long loaders = jcmd(taskManager, "VM.classloader_stats").lines().filter(l -> l.endsWith(JOB_CLASS_LOADER)).count();
        String heap = jcmd(taskManager, "GC.heap_info");
        Matcher used = METASPACE_USED.matcher(heap);
        if (!used.find()) {
            throw new IllegalStateException("no Metaspace line in jcmd GC.heap_info:\n" + heap);
        }
        return new JobClasses(loaders, Long.parseLong(used.group(1)));
    }

    private static String jcmd(ProcessHandle jvm, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(jvm.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + jvm.pid() + " " + command + " failed:\n" + out);
        }
        return out;
    }

    @Override
    public String toString() {
        return classLoaders + " job class loaders, Metaspace " + metaspaceKb / 1024 + " MB";
    }
}
