package com.hipoc.bench.chaos;

import com.hipoc.local.CommandLine;
import com.hipoc.local.UsageException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What {@code hipoc chaos} was asked to do, read once from its command line. */
public record ChaosOptions(
        Path dataDir,
        List<Fault> faults,
        Duration outage,
        Duration quiet,
        int rate,
        int accounts,
        Path report) {

    private static final Set<String> NAMES = Set.of("data-dir", "faults", "outage-seconds", "quiet-seconds", "rate", "accounts",
            "report");

    public static ChaosOptions parse(List<String> args) {
        CommandLine cl = CommandLine.parse(args, NAMES);
        Path dataDir = Path.of(cl.string("data-dir", ".hipoc-chaos")).toAbsolutePath().normalize();
        if (cl.integer("accounts", 300, 1_000_000) < 2) {
            throw new UsageException("--accounts must be at least 2: transfers need two accounts");
        }
        return new ChaosOptions(
                dataDir,
                faults(cl.string("faults", "tm,flink,kafka,mysql,redis,ingress")),
                Duration.ofSeconds(cl.integer("outage-seconds", 30, 3600)),
                Duration.ofSeconds(cl.integer("quiet-seconds", 10, 3600)),
                cl.integer("rate", 100, 10_000),
                cl.integer("accounts", 300, 1_000_000),
                Path.of(cl.string("report", dataDir.resolve("chaos-report.md").toString())).toAbsolutePath());
    }

    /** The arguments that give these options again, for the report. */
    String commandLine() {
        return "bin/hipoc chaos --data-dir " + dataDir + " --faults " + String.join(",", faults.stream().map(Fault::option).toList())
                + " --outage-seconds " + outage.toSeconds() + " --quiet-seconds " + quiet.toSeconds() + " --rate " + rate
                + " --accounts " + accounts + " --report " + report;
    }

    private static List<Fault> faults(String list) {
        List<Fault> faults = new ArrayList<>();
        for (String name : list.split(",")) {
            faults.add(Fault.byOption(name.trim()));
        }
        return faults;
    }
}
