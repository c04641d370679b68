package com.hipoc.bench;

import com.hipoc.local.Endpoints;
import com.hipoc.local.readmodels.ReadModelStores;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code hipoc bench} does: load against a running local stack (found through its data dir),
 * the same workload against the MySQL baseline, then the correctness checks, then the report.
 */
final class BenchRun {
    private BenchRun() {
    }

    /** Runs the bench, {@code commandLine} as it was asked for; the report lands in the options' report dir. Returns the exit code. */
    static int run(BenchOptions options, String commandLine, PrintStream out) throws Exception {
        Endpoints endpoints = Endpoints.load(options.dataDir()).orElseThrow(() -> new IllegalStateException(
                "no running stack recorded in " + options.dataDir() + "; start one with bin/hipoc local --data-dir "
                        + options.dataDir() + " or pass --data-dir"));
        String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        String startedAt = Instant.now().toString();
        Machine machine = Machine.describe();
        List<Phase> phases = Phase.plan(options);
        List<PhaseResult> results = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        boolean hipoc = phases.stream().anyMatch(p -> p.target() == BenchOptions.TargetSystem.HIPOC);
        if (hipoc) {
            try (KafkaTarget kafka = new KafkaTarget(endpoints.services().kafkaBrokers())) {
                checks.add(Seeder.seed(kafka, ReadModelStores.locate(options.dataDir(), System.getenv()), options.accounts(), runId, out));
            }
        }
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Workload workload = new Workload(AccountPicker.of(options), options.mix(), options.seed() + i, runId + "-" + i);
            if (phase.target() == BenchOptions.TargetSystem.MYSQL_BASELINE) {
                try (MysqlBaselineTarget baseline = new MysqlBaselineTarget(endpoints.services().mysql(), phase.concurrency())) {
                    baseline.prepare(options.accounts());
                    results.add(PhaseRunner.run(phase, baseline, workload, options, Optional.empty(), out));
                    checks.add(baseline.check(options.accounts()));
                }
            } else {
                try (Target target = hipocTarget(phase, options, endpoints)) {
                    results.add(PhaseRunner.run(phase, target, workload, options, Optional.of(endpoints.flinkUrl()), out));
                }
            }
        }
        if (hipoc) {
            checks.add(VerifyAfterLoad.run(options.dataDir(), out));
        }
        BenchReport report = new BenchReport(runId, startedAt, commandLine, machine, options.mix().describe(), results, checks);
        Path md = report.writeTo(options.reportDir());
        out.println();
        out.println(report.markdown());
        out.println("report: " + md + " (and .json)");
        return report.passed() ? 0 : 1;
    }

    private static Target hipocTarget(Phase phase, BenchOptions options, Endpoints endpoints) {
        String base = options.baseUrl() != null ? options.baseUrl() : endpoints.ingressUrl();
        return switch (phase.mode()) {
            case HTTP -> new HttpTarget(base);
            case BATCH -> new BatchTarget(base, phase.batchSize());
            case KAFKA -> new KafkaTarget(endpoints.services().kafkaBrokers());
        };
    }
}
