package com.hipoc.bench.chaos;

import com.hipoc.bench.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos suite's short version, as CI runs it: every fault with 3 s outages under a light
 * load, on a stack of its own (it kills parts, so it cannot share the other classes' stack).
 * Every request must end with a definite answer, and after each fault the stack must agree with
 * every answer and with itself. No speed is asserted: the bound is only against a hung run.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ChaosShortTest {
    @Test
    void everyFaultIsSurvivedWithoutLosingOrDoublingACommand() throws Exception {
        Path dataDir = Path.of("target/chaos-short").toAbsolutePath();
        Instant started = Instant.now();
        ChaosOptions options = ChaosCommandTest.options("--data-dir", dataDir.toString(), "--outage-seconds", "3",
                "--quiet-seconds", "2", "--rate", "30", "--accounts", "50");

        ChaosResult result = ChaosRun.run(options, System.out);
        System.out.println(ChaosReport.markdown(options, Machine.describe(), started.toString(), result));

        assertThat(result.faults()).extracting(FaultResult::fault)
                .containsExactly("none", "tm", "flink", "kafka", "mysql", "redis", "ingress");
        assertThat(result.failures()).isEmpty();
        assertThat(result.faults()).allSatisfy(f -> {
            assertThat(f.load().sentCount()).isPositive();
            // A store outage adds its own: commands were answered while the store was down.
            assertThat(f.checks()).hasSize(f.fault().equals("mysql") || f.fault().equals("redis") ? 6 : 5);
        });
        assertThat(result.commands()).isGreaterThan(1000);
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().startInstant().map(started::isBefore).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")))
                .as("processes the chaos run started and left running").isEmpty();
    }
}
