package com.hipoc.bench;

import com.hipoc.events.WireJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A run's figures and checks, written as Markdown (to read) and JSON (to compare runs). */
record BenchReport(String runId, String startedAt, String commandLine, Machine machine, String mix, List<PhaseResult> phases,
                   List<Check> checks) {

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Writes {@code <runId>.md} and {@code <runId>.json} into the directory; returns the Markdown file. */
    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        WireJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(runId + ".json").toFile(), this);
        Path md = dir.resolve(runId + ".md");
        Files.writeString(md, markdown());
        return md;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# hipoc bench ").append(runId).append("\n\n");
        md.append("- started: ").append(startedAt).append("\n- command: `hipoc bench ").append(commandLine).append("`\n");
        md.append("- machine: ").append(machine.cores()).append(" cores, ").append(machine.memory()).append(", load average ")
                .append(machine.loadAverage()).append(", ").append(machine.java()).append("\n");
        md.append("- mix: ").append(mix).append("\n\n");
        md.append("| phase | target | load | accounts | s | requests | commands/s | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms"
                + " | errors | engine decision age p50/p95/p99 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult p : phases) {
            Map<String, Double> l = p.requestLatencyMs();
            md.append(String.format("| %s | %s | %s | %d %s | %.1f | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %s |%n",
                    p.phase(), p.target(), p.loop(), p.accounts(), p.distribution(), p.seconds(), p.requests(),
                    p.commandsPerSecond(), l.get("p50"), l.get("p95"), l.get("p99"), l.get("p99.9"), l.get("max"), p.errors(),
                    engine(p.engineDecisionAgeMs())));
        }
        for (PhaseResult p : phases) {
            if (!p.stageLatencyMs().isEmpty()) {
                md.append("\n## Where ").append(p.phase()).append("'s time went (ms: ").append(PhaseRunner.SCHEDULE)
                        .append(", the ingress's `Server-Timing` stages, ").append(StageLatencies.CLIENT).append(")\n\n");
                md.append("| stage | p50 | p95 | p99 | p99.9 | max |\n|---|---|---|---|---|---|\n");
                p.stageLatencyMs().forEach((stage, l) -> md.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        stage, l.get("p50"), l.get("p95"), l.get("p99"), l.get("p99.9"), l.get("max"))));
            }
        }
        md.append("\n## Outcomes by kind\n\n");
        for (PhaseResult p : phases) {
            md.append("- ").append(p.phase()).append(": ").append(p.outcomes().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append("\n");
        }
        md.append("\n## Checks\n\n");
        for (Check c : checks) {
            md.append("- ").append(c.passed() ? "PASS " : "FAIL ").append(c.summary()).append("\n");
        }
        return md.toString();
    }

    private static String engine(Map<String, Double> ages) {
        if (ages.isEmpty()) {
            return "-";
        }
        return String.format("%.0f / %.0f / %.0f", ages.getOrDefault("p50", 0.0), ages.getOrDefault("p95", 0.0),
                ages.getOrDefault("p99", 0.0));
    }
}
