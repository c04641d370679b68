package com.hipoc.bench.chaos;

import com.hipoc.bench.Machine;
import com.hipoc.local.OptionBounds;
import com.hipoc.local.ShutdownSignals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hipoc chaos}: the fault-injection suite on a stack of its own, then its report. */
@Command(name = "chaos", showDefaultValues = true,
        description = {"Start a stack of its own, keep a mixed HTTP load running, take one part down at a time and bring it"
                + " back, then check that every answer agrees with the ledger, MySQL and Redis (RELIABILITY.md).",
                "Exits 0 when every check passed after every fault, 1 when one failed."})
public final class ChaosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".hipoc-chaos",
            description = "the chaos stack's data dir, wiped at start")
    private Path dataDir;
    @Option(names = "--faults", paramLabel = "FAULT", split = ",", defaultValue = "tm,flink,kafka,mysql,redis,ingress",
            description = "the faults, in this order: ${COMPLETION-CANDIDATES}")
    private List<Fault> faults;
    @Option(names = "--outage-seconds", paramLabel = "SECONDS", defaultValue = "30", description = "how long mysql and redis stay down")
    private int outageSeconds;
    @Option(names = "--quiet-seconds", paramLabel = "SECONDS", defaultValue = "10", description = "load without faults after each one")
    private int quietSeconds;
    @Option(names = "--rate", paramLabel = "R", defaultValue = "100", description = "commands per second")
    private int rate;
    @Option(names = "--accounts", paramLabel = "N", defaultValue = "300",
            description = "accounts the load spreads over (at least 2: transfers need two)")
    private int accounts;
    @Option(names = "--report", paramLabel = "FILE", description = "where the report goes (default: <data-dir>/chaos-report.md)")
    private Path report;

    ChaosOptions options() {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new ChaosOptions(
                dir,
                faults,
                Duration.ofSeconds(OptionBounds.check(spec, "--outage-seconds", outageSeconds, 1, 3600)),
                Duration.ofSeconds(OptionBounds.check(spec, "--quiet-seconds", quietSeconds, 1, 3600)),
                OptionBounds.check(spec, "--rate", rate, 1, 10_000),
                OptionBounds.check(spec, "--accounts", accounts, 2, 1_000_000),
                (report != null ? report : dir.resolve("chaos-report.md")).toAbsolutePath());
    }

    @Override
    public Integer call() throws Exception {
        ChaosOptions options = options();
        // Ctrl-C or SIGTERM interrupts the run, which then stops its stack on the way out.
        ShutdownSignals.install();
        String startedAt = Instant.now().toString();
        Machine machine = Machine.describe();
        ChaosResult result = ChaosRun.run(options, System.out);
        String markdown = ChaosReport.markdown(options, machine, startedAt, result);
        ChaosReport.write(options.report(), markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("report: " + options.report());
        return result.passed() ? 0 : 1;
    }
}
