package com.hipoc.bench;

import com.hipoc.bench.BenchOptions.Mode;
import com.hipoc.bench.BenchOptions.TargetSystem;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hipoc bench}'s options as picocli reads them (HipocCliTest runs it under {@code hipoc}). */
class BenchCommandTest {
    private static BenchOptions bench(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void benchHasTheDocumentedDefaults() {
        BenchOptions options = bench();

        Path dataDir = Path.of(".hipoc").toAbsolutePath().normalize();
        assertThat(options.dataDir()).isEqualTo(dataDir);
        assertThat(options.baseUrl()).isNull();
        assertThat(options.mode()).isEqualTo(Mode.BATCH);
        assertThat(options.target()).isEqualTo(TargetSystem.HIPOC);
        assertThat(options.mix()).isEqualTo(CommandMix.STANDARD);
        assertThat(options.accounts()).isEqualTo(100_000);
        assertThat(options.distribution()).isEqualTo("uniform");
        assertThat(options.rate()).isEmpty();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.batchSize()).isEqualTo(500);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.quick()).isFalse();
        assertThat(options.reportDir()).isEqualTo(dataDir.resolve("bench"));
    }

    @Test
    void benchTakesBothSyntaxes() {
        assertThat(bench("--accounts=10").accounts()).isEqualTo(10);
        assertThat(bench("--accounts", "10").accounts()).isEqualTo(10);

        BenchOptions options = bench("--mode=kafka", "--max", "--dist", "zipf", "--zipf-s=1.3", "--duration", "5");
        assertThat(options.mode()).isEqualTo(Mode.KAFKA);
        assertThat(options.concurrency()).as("kafka's default").isEqualTo(20_000);
        assertThat(options.distribution()).isEqualTo("zipf(s=1.3)");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bench("--mix=deposits").mix()).isEqualTo(CommandMix.DEPOSITS);
    }

    @Test
    void benchDefaultsFollowTheTargetAndQuick() {
        assertThat(bench("--target", "mysql-baseline").concurrency()).isEqualTo(16);
        assertThat(bench("--mode", "http", "--rate=2000").rate()).hasValue(2000);
        assertThat(bench("--mode", "http").concurrency()).as("closed loop").isEqualTo(64);
        assertThat(bench("--mode", "http", "--rate=100").concurrency()).as("a slow rate").isEqualTo(64);
        assertThat(bench("--mode", "http", "--rate=2000").concurrency()).as("half a second of the rate").isEqualTo(1000);
        assertThat(bench("--mode", "http", "--rate=2000", "--concurrency=7").concurrency()).isEqualTo(7);
        assertThat(bench("--quick").accounts()).isEqualTo(2_000);
        assertThat(bench("--quick", "--accounts", "50").accounts()).isEqualTo(50);
    }
}
