package com.hipoc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How much of the stack's CPU its JIT compilers take: the launcher and every process it started,
 * read from Linux's {@code /proc} (threads named {@code C1/C2 CompilerThread}). Right after start
 * they take half of each JVM's CPU, and requests wait behind them; once they have compiled what
 * the load runs, their share falls to a few percent.
 */
final class CompilerActivity {
    /** CPU time so far, in clock ticks: of the compiler threads, and of all threads. */
    record Ticks(long compilers, long all) {
        /** The compilers' share of the CPU used since {@code earlier}; 0 when nothing ran. */
        double shareSince(Ticks earlier) {
            long all = this.all - earlier.all;
            return all <= 0 ? 0 : (double) (compilers - earlier.compilers) / all;
        }
    }

    private CompilerActivity() {
    }

    /** Empty ticks where {@code /proc} cannot tell (not Linux): the share is then always 0. */
    static Ticks now() {
        long compilers = 0;
        long all = 0;
        List<ProcessHandle> stack = Stream.concat(Stream.of(ProcessHandle.current()),
                ProcessHandle.current().descendants()).toList();
        for (ProcessHandle process : stack) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                for (Path thread : threads.toList()) {
                    String stat = Files.readString(thread.resolve("stat"));
                    // The name is in parentheses and may hold spaces; utime and stime are the 12th
                    // and 13th fields after it.
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    all += ticks;
                    if (name.contains("CompilerThre")) {
                        compilers += ticks;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process or thread ended, or there is no /proc: it counts as nothing.
            }
        }
        return new Ticks(compilers, all);
    }
}
