package com.hipoc.bench;

import com.hipoc.bench.BenchOptions.Mode;
import com.hipoc.bench.BenchOptions.TargetSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hipoc} as bin/hipoc runs it: one usage, {@code --help} on each command, exit codes, and bench's options. */
class HipocCliTest {
    private static final List<String> COMMANDS = List.of("local", "stop", "savepoint", "upgrade", "rebuild-read-models", "verify",
            "bench", "chaos");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HipocCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private static BenchOptions bench(String... args) {
        CommandLine.ParseResult parsed = HipocCli.commandLine().parseArgs(args);
        return ((BenchCommand) parsed.subcommand().commandSpec().userObject()).options();
    }

    @Test
    void theUsageListsEveryCommand() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: hipoc [-h] COMMAND");
        assertThat(COMMANDS).allSatisfy(c -> assertThat(out.toString()).containsPattern("(?m)^  " + c + " "));
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : COMMANDS) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).startsWith("Usage: hipoc " + command + " ").contains("--help");
        }
        assertThat(out.toString()).contains("--faults=FAULT");
    }

    @Test
    void noCommandOrAnUnknownOptionIsAUsageErrorNamingIt() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required subcommand");

        err.getBuffer().setLength(0);
        assertThat(run("bench", "--acounts=10")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown option: '--acounts=10'").contains("Possible solutions: --accounts");
    }

    @Test
    void aFailedCommandSaysWhyAndExitsOne(@TempDir Path empty) {
        assertThat(run("stop", "--data-dir", empty.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith("hipoc stop failed: no hipoc local is running on " + empty);
    }

    @Test
    void benchHasTheDocumentedDefaults() {
        BenchOptions options = bench("bench");

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
        assertThat(bench("bench", "--accounts=10").accounts()).isEqualTo(10);
        assertThat(bench("bench", "--accounts", "10").accounts()).isEqualTo(10);

        BenchOptions options = bench("bench", "--mode=kafka", "--max", "--dist", "zipf", "--zipf-s=1.3", "--duration", "5");
        assertThat(options.mode()).isEqualTo(Mode.KAFKA);
        assertThat(options.concurrency()).as("kafka's default").isEqualTo(20_000);
        assertThat(options.distribution()).isEqualTo("zipf(s=1.3)");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bench("bench", "--mix=deposits").mix()).isEqualTo(CommandMix.DEPOSITS);
    }

    @Test
    void benchDefaultsFollowTheTargetAndQuick() {
        assertThat(bench("bench", "--target", "mysql-baseline").concurrency()).isEqualTo(16);
        assertThat(bench("bench", "--mode", "http", "--rate=2000").rate()).hasValue(2000);
        assertThat(bench("bench", "--quick").accounts()).isEqualTo(2_000);
        assertThat(bench("bench", "--quick", "--accounts", "50").accounts()).isEqualTo(50);
    }

    @Test
    void benchRefusesRateWithMaxAndABatchAboveTheLimit() {
        assertThat(run("bench", "--rate", "5", "--max")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--rate (open loop) and --max (closed loop) exclude each other");

        err.getBuffer().setLength(0);
        assertThat(run("bench", "--batch-size=1001")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--batch-size must be a whole number from 1 to 1000, got 1001");
    }
}
