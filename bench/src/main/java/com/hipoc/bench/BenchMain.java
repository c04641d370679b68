package com.hipoc.bench;

import com.hipoc.local.Endpoints;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin/hipoc bench}: load against a running local stack (found through its data dir), the
 * same workload against the MySQL baseline, then the correctness checks, then the report.
 * Exits 0 when every check passed, 1 when one failed, 2 on a bad command line.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(Arrays.asList(args), System.out));
        } catch (IllegalStateException e) {
            // A stack that is not there, or a target that cannot be reached: the message says what to do.
            System.err.println("hipoc bench failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the bench; the report lands in the options' report dir. */
    public static int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("hipoc bench: " + e.getMessage());
            return 2;
        }
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
                checks.add(Seeder.seed(kafka, endpoints.services().mysql(), options.accounts(), runId, out));
            }
        }
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Workload workload = new Workload(AccountPicker.of(options), options.seed() + i, runId + "-" + i);
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
            checks.add(Verification.run(options.dataDir(), out));
        }
        BenchReport report = new BenchReport(runId, startedAt, String.join(" ", args), machine, CommandMix.describe(), results, checks);
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
