package com.hipoc.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What {@code hipoc chaos} was asked to do, read once from its command line ({@link ChaosCommand}). */
public record ChaosOptions(
        Path dataDir,
        List<Fault> faults,
        Duration outage,
        Duration quiet,
        int rate,
        int accounts,
        Path report) {

    /** The arguments that give these options again, for the report. */
    String commandLine() {
        return "bin/hipoc chaos --data-dir " + dataDir + " --faults " + String.join(",", faults.stream().map(Fault::option).toList())
                + " --outage-seconds " + outage.toSeconds() + " --quiet-seconds " + quiet.toSeconds() + " --rate " + rate
                + " --accounts " + accounts + " --report " + report;
    }
}
