package com.hipoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hipoc} as bin/hipoc runs it: one usage, {@code --help} on each command, exit codes. */
class HipocCliTest {
    private static final List<String> COMMANDS = List.of("local", "stop", "savepoint", "upgrade", "rebuild-read-models", "verify",
            "bench", "chaos");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HipocCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
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
    void benchRefusesRateWithMaxAndABatchAboveTheLimit() {
        assertThat(run("bench", "--rate", "5", "--max")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--rate (open loop) and --max (closed loop) exclude each other");

        err.getBuffer().setLength(0);
        assertThat(run("bench", "--batch-size=1001")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--batch-size must be a whole number from 1 to 1000, got 1001");
    }
}
