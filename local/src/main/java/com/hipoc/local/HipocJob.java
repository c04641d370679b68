package com.hipoc.local;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Flink jobs of Hi-PoC, by the names they run under: the engine decides, the read models
 * follow it through {@code balance.events} (ARCHITECTURE.md, "The shape"). Each is deployed,
 * stopped and upgraded on its own.
 */
public enum HipocJob {
    BALANCE_ENGINE("balance-engine"),
    READ_MODELS("read-models");

    private final String jobName;

    HipocJob(String jobName) {
        this.jobName = jobName;
    }

    /** The name the job runs under on the cluster (web UI, REST), and its directory name for savepoints and checkpoints. */
    public String jobName() {
        return jobName;
    }

    /** The job an operator names on the command line. */
    public static HipocJob named(String name) {
        return Arrays.stream(values()).filter(j -> j.jobName.equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown job '" + name + "' (known: " + names() + ")"));
    }

    public static String names() {
        return Arrays.stream(values()).map(HipocJob::jobName).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return jobName;
    }
}
