package com.hipoc.bench;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/** One measured stretch of load: a target, how it is driven, and for how long. */
record Phase(String name, BenchOptions.Mode mode, BenchOptions.TargetSystem target, OptionalDouble rate, Duration duration,
             int concurrency, int batchSize) {

    /** The phase the command line asks for, or with --quick a short one of each kind. */
    static List<Phase> plan(BenchOptions o) {
        if (!o.quick()) {
            String name = o.target() == BenchOptions.TargetSystem.MYSQL_BASELINE ? "mysql-baseline" : o.mode().name().toLowerCase();
            return List.of(new Phase(name, o.mode(), o.target(), o.rate(), o.duration(), o.concurrency(), o.batchSize()));
        }
        Duration ten = Duration.ofSeconds(10);
        return List.of(
                new Phase("kafka", BenchOptions.Mode.KAFKA, BenchOptions.TargetSystem.HIPOC, OptionalDouble.empty(), ten, 5_000, 1),
                new Phase("batch", BenchOptions.Mode.BATCH, BenchOptions.TargetSystem.HIPOC, OptionalDouble.empty(), ten, 4, 200),
                new Phase("http@500/s", BenchOptions.Mode.HTTP, BenchOptions.TargetSystem.HIPOC, OptionalDouble.of(500), ten, 64, 1),
                new Phase("mysql-baseline", BenchOptions.Mode.HTTP, BenchOptions.TargetSystem.MYSQL_BASELINE, OptionalDouble.empty(), ten,
                        8, 1));
    }

    String loop() {
        return rate.isPresent() ? String.format("open loop, %.0f requests/s", rate.getAsDouble())
                : "closed loop, " + concurrency + " in flight";
    }
}
