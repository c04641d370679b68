package com.hipoc.bench;

import com.hipoc.bench.BenchOptions.Mode;
import com.hipoc.bench.BenchOptions.TargetSystem;
import com.hipoc.local.DataDirOption;
import com.hipoc.local.OptionBounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/** {@code hipoc bench}: its options, read into {@link BenchOptions}, then {@link BenchRun}. */
@Command(name = "bench", showDefaultValues = true,
        description = {"Load the running stack of a data dir (or the same workload as MySQL transactions), verify it"
                + " and write a Markdown and a JSON report into <data-dir>/bench/ (BENCHMARKS.md).",
                "Exits 0 when every check passed, 1 when one failed."})
public final class BenchCommand implements Callable<Integer> {
    private static final int HTTP_CONCURRENCY = 64;

    /** How accounts are picked. */
    enum Distribution {
        UNIFORM, ZIPF;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    @Spec
    private CommandSpec spec;
    @Mixin
    private DataDirOption dataDir;
    @Option(names = "--base", paramLabel = "URL", description = "the ingress to load (default: the stack's)")
    private String baseUrl;
    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "batch",
            description = "how the load reaches Hi-PoC: ${COMPLETION-CANDIDATES}")
    private Mode mode;
    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "hipoc", description = "${COMPLETION-CANDIDATES}")
    private TargetSystem target;
    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "standard",
            description = "the commands sent: ${COMPLETION-CANDIDATES} (standard: a ledger's mix of every kind)")
    private CommandMix mix;
    @Option(names = "--accounts", paramLabel = "N", description = "accounts the load spreads over (default: 100000, 2000 with --quick)")
    private Integer accounts;
    @Option(names = "--dist", paramLabel = "DIST", defaultValue = "uniform",
            description = "how accounts are picked: ${COMPLETION-CANDIDATES}")
    private Distribution dist;
    @Option(names = "--zipf-s", paramLabel = "S", defaultValue = "1.1", description = "the exponent of --dist zipf")
    private double zipfExponent;
    @Option(names = "--rate", paramLabel = "R", description = "open loop at R requests/s (default: closed loop, as --max)")
    private Integer rate;
    @Option(names = "--max", description = "closed loop: as fast as the target answers")
    private boolean max;
    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30", description = "how long the load runs")
    private int durationSeconds;
    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
            description = "the same load first, not counted, so the load generator's own start-up is not measured (none with --quick)")
    private int warmupSeconds;
    @Option(names = "--concurrency", paramLabel = "C",
            description = "requests in flight (default: http 64, or half a second of --rate if more; batch 8, kafka 20000,"
                    + " mysql-baseline 16)")
    private Integer concurrency;
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500", description = "commands per request of --mode batch")
    private int batchSize;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "the workload's random seed")
    private long seed;
    @Option(names = "--quick", description = "every mode for 10 s on 2000 accounts, then verify")
    private boolean quick;
    @Option(names = "--report-dir", paramLabel = "DIR", description = "where the reports go (default: <data-dir>/bench)")
    private Path reportDir;

    BenchOptions options() {
        if (rate != null && max) {
            throw new ParameterException(spec.commandLine(), "--rate (open loop) and --max (closed loop) exclude each other");
        }
        Path dir = dataDir.path();
        return new BenchOptions(
                dir,
                baseUrl,
                mode,
                target,
                mix,
                OptionBounds.check(spec, "--accounts", accounts != null ? accounts : quick ? 2_000 : 100_000, 1, 10_000_000),
                dist == Distribution.ZIPF,
                zipfExponent,
                rate == null ? OptionalDouble.empty() : OptionalDouble.of(OptionBounds.check(spec, "--rate", rate, 1, 10_000_000)),
                Duration.ofSeconds(OptionBounds.check(spec, "--duration", durationSeconds, 1, 86_400)),
                quick ? Duration.ZERO : Duration.ofSeconds(OptionBounds.check(spec, "--warmup", warmupSeconds, 0, 3_600)),
                OptionBounds.check(spec, "--concurrency", concurrency != null ? concurrency : defaultConcurrency(), 1, 100_000),
                OptionBounds.check(spec, "--batch-size", batchSize, 1, 1000),
                seed,
                quick,
                (reportDir != null ? reportDir : dir.resolve("bench")).toAbsolutePath());
    }

    /**
     * Enough requests in flight to keep each target busy without queueing inside it: the engine
     * needs thousands of commands in the log to batch, the ingress a few dozen connections, the
     * baseline one connection per core-ish thread of MariaDB. Open loop over HTTP, half a second
     * of the rate as well: a stall of the stack must not make the generator hold requests back,
     * which counts as their latency (64 in flight at 1,000/s put 1.5 s in the p95, BENCHMARKS.md).
     */
    private int defaultConcurrency() {
        if (target == TargetSystem.MYSQL_BASELINE) {
            return 16;
        }
        return switch (mode) {
            case HTTP -> rate == null ? HTTP_CONCURRENCY : Math.max(HTTP_CONCURRENCY, rate / 2);
            case BATCH -> 8;
            case KAFKA -> 20_000;
        };
    }

    @Override
    public Integer call() throws Exception {
        BenchOptions options = options();
        return BenchRun.run(options, String.join(" ", spec.commandLine().getParseResult().originalArgs()), System.out);
    }
}
