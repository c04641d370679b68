package com.hipoc.local;

import java.nio.file.Path;

/**
 * Stands in for {@code hipoc local} in {@link StopCommandTest}: records itself in a data dir as the
 * launcher does, runs until SIGTERM, then takes a second to stop, as the launcher takes its
 * savepoints, before it removes its record and exits 0.
 */
final class LauncherStandIn {
    private LauncherStandIn() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ShutdownSignals signals = ShutdownSignals.install();
        signals.startupDone();
        LauncherPid.write(dataDir);
        signals.await();
        Thread.sleep(1000);
        LauncherPid.remove(dataDir);
    }
}
