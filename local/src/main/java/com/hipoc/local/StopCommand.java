package com.hipoc.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code hipoc stop}: stops the {@code hipoc local} of a data dir as Ctrl-C does (SIGTERM: both
 * jobs stop with savepoints, then every part) and returns once it has exited.
 */
@Command(name = "stop", showDefaultValues = true,
        description = "Stop the `hipoc local` running on a data dir (SIGTERM) and wait until it has exited.")
public final class StopCommand implements Callable<Integer> {
    /** Two savepoints and every part's shutdown; far longer means the launcher is stuck. */
    private static final long EXIT_WAIT_MINUTES = 5;

    @Mixin
    DataDirOption dataDir;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir.path();
        ProcessHandle launcher = LauncherPid.running(dir).orElseThrow(() -> new IllegalStateException(
                "no hipoc local is running on " + dir + " (no live process recorded in " + dir.resolve(LauncherPid.FILE) + ")"));
        System.out.println("stopping hipoc local (pid " + launcher.pid() + ") on " + dir);
        long start = System.nanoTime();
        launcher.destroy();
        try {
            launcher.onExit().get(EXIT_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new IllegalStateException("hipoc local (pid " + launcher.pid() + ") has not exited within " + EXIT_WAIT_MINUTES
                    + " minutes; what it is doing is in " + dir.resolve("logs/launcher.log"));
        }
        System.out.printf("stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
