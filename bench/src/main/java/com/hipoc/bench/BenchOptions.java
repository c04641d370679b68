package com.hipoc.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Everything {@code hipoc bench} was asked to do, read once from its command line. */
record BenchOptions(
        Path dataDir,
        String baseUrl,
        Mode mode,
        TargetSystem target,
        int accounts,
        boolean zipf,
        double zipfExponent,
        OptionalDouble rate,
        Duration duration,
        int concurrency,
        int batchSize,
        long seed,
        boolean quick,
        Path reportDir) {

    enum Mode { HTTP, BATCH, KAFKA }

    /** Which design the load goes to; {@link Mode} applies to Hi-PoC only. */
    enum TargetSystem { HIPOC, MYSQL_BASELINE }

    private static final Set<String> VALUED = Set.of("base", "data-dir", "mode", "accounts", "dist", "zipf-s", "rate",
            "duration", "concurrency", "batch-size", "target", "seed", "report-dir");
    private static final Set<String> FLAGS = Set.of("max", "quick");

    static final String USAGE = "[--data-dir .hipoc] [--base URL] [--mode http|batch|kafka] [--target hipoc|mysql-baseline]"
            + " [--accounts 100000] [--dist uniform|zipf] [--zipf-s 1.1] [--rate R | --max] [--duration 30]"
            + " [--concurrency C] [--batch-size 500] [--seed 42] [--quick] [--report-dir DIR]";

    static BenchOptions parse(List<String> args) {
        Map<String, String> v = read(args);
        if (v.containsKey("rate") && v.containsKey("max")) {
            throw new IllegalArgumentException("--rate (open loop) and --max (closed loop) exclude each other");
        }
        Mode mode = choice(Mode.class, "mode", v.getOrDefault("mode", "batch"));
        TargetSystem target = choice(TargetSystem.class, "target", v.getOrDefault("target", "hipoc"));
        Path dataDir = Path.of(v.getOrDefault("data-dir", ".hipoc")).toAbsolutePath().normalize();
        String dist = v.getOrDefault("dist", "uniform");
        if (!dist.equals("uniform") && !dist.equals("zipf")) {
            throw new IllegalArgumentException("--dist must be uniform or zipf, got '" + dist + "'");
        }
        return new BenchOptions(
                dataDir,
                v.get("base"),
                mode,
                target,
                (int) number(v, "accounts", v.containsKey("quick") ? 2_000 : 100_000, 10_000_000),
                dist.equals("zipf"),
                Double.parseDouble(v.getOrDefault("zipf-s", "1.1")),
                v.containsKey("rate") ? OptionalDouble.of(number(v, "rate", 0, 10_000_000)) : OptionalDouble.empty(),
                Duration.ofSeconds(number(v, "duration", 30, 86_400)),
                (int) number(v, "concurrency", defaultConcurrency(mode, target), 100_000),
                (int) number(v, "batch-size", 500, 1000),
                number(v, "seed", 42, Long.MAX_VALUE),
                v.containsKey("quick"),
                Path.of(v.getOrDefault("report-dir", dataDir.resolve("bench").toString())).toAbsolutePath());
    }

    /**
     * Enough requests in flight to keep each target busy without queueing inside it: the engine
     * needs thousands of commands in the log to batch, the ingress a few dozen connections, the
     * baseline one connection per core-ish thread of MariaDB.
     */
    private static int defaultConcurrency(Mode mode, TargetSystem target) {
        if (target == TargetSystem.MYSQL_BASELINE) {
            return 16;
        }
        return switch (mode) {
            case HTTP -> 64;
            case BATCH -> 8;
            case KAFKA -> 20_000;
        };
    }

    String distribution() {
        return zipf ? "zipf(s=" + zipfExponent + ")" : "uniform";
    }

    private static Map<String, String> read(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (VALUED.contains(name) && i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("unexpected '" + arg + "'; usage: hipoc bench " + USAGE);
            }
        }
        return values;
    }

    /** An enum constant by its command-line spelling: lower case, '-' for '_'. */
    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().replace('_', '-').equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("--" + name + " cannot be '" + value + "'; usage: hipoc bench " + USAGE);
    }

    private static long number(Map<String, String> values, String name, long fallback, long max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from 1 to " + max + ", got '" + v + "'");
    }
}
