package com.hipoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run was measured on, as the report states it: figures mean little without it. */
public record Machine(int cores, String memory, String loadAverage, String java) {
    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), firstLine("/proc/meminfo"),
                firstLine("/proc/loadavg"), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).get(0).replaceAll("\\s+", " ");
        } catch (IOException | IndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
