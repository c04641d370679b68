package com.hipoc.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM memory flags and {@code -D} dynamic properties Flink's start scripts compute with
 * BashJavaUtils from the config. A TaskManager refuses to start without them, and a JobManager
 * would ignore its configured memory size.
 */
record FlinkResourceParams(List<String> jvmFlags, List<String> dynamicProperties) {
    private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    enum Role {
        JOB_MANAGER("GET_JM_RESOURCE_PARAMS"), TASK_MANAGER("GET_TM_RESOURCE_PARAMS");

        private final String command;

        Role(String command) {
            this.command = command;
        }
    }

    static FlinkResourceParams compute(Role role, String classpath, Path configDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ChildProcess.javaExecutable(), "-cp", classpath,
                "org.apache.flink.runtime.util.bash.BashJavaUtils", role.command, "--configDir", configDir.toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = p.waitFor();
        List<String> results = output.lines().filter(l -> l.startsWith(RESULT)).map(l -> l.substring(RESULT.length()).trim()).toList();
        if (exit != 0 || results.size() < 2) {
            throw new IllegalStateException("BashJavaUtils " + role.command + " failed (exit " + exit + "):\n" + output);
        }
        return new FlinkResourceParams(words(results.get(0)), words(results.get(1)));
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
