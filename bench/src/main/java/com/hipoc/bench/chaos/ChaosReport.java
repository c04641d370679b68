package com.hipoc.bench.chaos;

import com.hipoc.bench.Check;
import com.hipoc.bench.Machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Markdown report of a chaos run: per fault the load during it, the answers, the retries, the recovery and the checks. */
final class ChaosReport {
    private ChaosReport() {
    }

    static String markdown(ChaosOptions options, Machine machine, String startedAt, ChaosResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# Chaos run, ").append(startedAt).append("\n\n");
        md.append("Command: `").append(options.commandLine()).append("`\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.memory()).append(", load average ")
                .append(machine.loadAverage()).append(", ").append(machine.java()).append("\n\n");
        md.append("Load: ").append(options.rate()).append(" commands/s over ").append(options.accounts())
                .append(" accounts (deposits, withdrawals incl. over-draws, transfers, holds then captures or releases),")
                .append(" every request retried with its txId until definite; outages ").append(options.outage().toSeconds())
                .append(" s, quiet ").append(options.quiet().toSeconds()).append(" s after each fault.\n\n");
        md.append("Result: **").append(result.passed() ? "PASSED" : "FAILED").append("**, ").append(result.commands())
                .append(" commands.\n\n");
        md.append("| fault | load during it (sent, cmd/s over s) | answers | retries (why) | recovered after the fault"
                + " | after the restart | checks |\n|---|---|---|---|---|---|---|\n");
        for (FaultResult f : result.faults()) {
            LoadWindow w = f.load();
            md.append(String.format("| %s | %d, %.0f/s over %.0f s | %s | %d %s | %s | %s | %s |%n", f.fault(), w.sentCount(),
                    w.sentCount() / w.seconds(), w.seconds(), counts(w.answers()), w.retryCount(), counts(w.retryReasons()),
                    time(f.recoveryFromFault()), f.outage() ? time(f.recoveryFromRestart()) : "-",
                    f.checks().stream().allMatch(Check::passed) ? "pass" : "**FAIL**"));
        }
        md.append("\nRecovery: from the fault (and for an outage from its restart) until a fresh probe deposit, sent every 0.5 s"
                + " once the part is down, is APPLIED. Checks after each fault, with the load paused, every answer in and the read models drained:\n");
        for (FaultResult f : result.faults()) {
            md.append("\n### ").append(f.fault()).append(": ").append(f.description()).append("\n\n");
            f.checks().forEach(c -> md.append("- ").append(c.passed() ? "pass: " : "**FAIL**: ").append(c.summary()).append('\n'));
        }
        return md.toString();
    }

    static void write(Path file, String markdown) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String time(Optional<Duration> d) {
        return d.map(ChaosRun::seconds).orElse("**never**");
    }
}
