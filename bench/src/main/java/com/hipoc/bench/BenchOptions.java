package com.hipoc.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;

/** Everything {@code hipoc bench} was asked to do, read once from its command line ({@link BenchCommand}). */
record BenchOptions(
        Path dataDir,
        String baseUrl,
        Mode mode,
        TargetSystem target,
        CommandMix mix,
        int accounts,
        boolean zipf,
        double zipfExponent,
        OptionalDouble rate,
        Duration duration,
        Duration warmup,
        int concurrency,
        int batchSize,
        long seed,
        boolean quick,
        Path reportDir) {

    /** How the load reaches Hi-PoC; the command line spells each in lower case. */
    enum Mode {
        HTTP, BATCH, KAFKA;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    /** Which design the load goes to; {@link Mode} applies to Hi-PoC only. */
    enum TargetSystem {
        HIPOC, MYSQL_BASELINE;

        /** As the command line spells it: {@code hipoc}, {@code mysql-baseline}. */
        @Override
        public String toString() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    String distribution() {
        return zipf ? "zipf(s=" + zipfExponent + ")" : "uniform";
    }
}
