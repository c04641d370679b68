package com.hipoc.bench.chaos;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hipoc chaos}'s options as picocli reads them. */
class ChaosCommandTest {
    static ChaosOptions options(String... args) {
        ChaosCommand chaos = new ChaosCommand();
        new CommandLine(chaos).parseArgs(args);
        return chaos.options();
    }

    @Test
    void defaultsAreEveryFaultWithThirtySecondOutages() {
        ChaosOptions options = options();

        Path dataDir = Path.of(".hipoc-chaos").toAbsolutePath().normalize();
        assertThat(options.dataDir()).isEqualTo(dataDir);
        assertThat(options.faults()).containsExactly(Fault.TASK_MANAGER, Fault.FLINK, Fault.KAFKA, Fault.MYSQL, Fault.REDIS, Fault.INGRESS);
        assertThat(options.outage()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.quiet()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.accounts()).isEqualTo(300);
        assertThat(options.report()).isEqualTo(dataDir.resolve("chaos-report.md"));
    }

    @Test
    void takesSomeFaultsInTheGivenOrderInBothSyntaxes() {
        ChaosOptions options = options("--faults=kafka,tm", "--outage-seconds", "5", "--quiet-seconds=2", "--data-dir", "/tmp/c");

        assertThat(options.faults()).containsExactly(Fault.KAFKA, Fault.TASK_MANAGER);
        assertThat(options.outage()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.quiet()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.report()).isEqualTo(Path.of("/tmp/c/chaos-report.md"));
        assertThat(options.commandLine()).contains("--faults kafka,tm --outage-seconds 5 --quiet-seconds 2");
    }

    @Test
    void refusesAnUnknownFaultAndASingleAccount() {
        assertThatThrownBy(() -> options("--faults", "tm,disk")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Invalid value for option '--faults'").hasMessageContaining("'disk'");
        assertThatThrownBy(() -> options("--accounts", "1")).isInstanceOf(ParameterException.class)
                .hasMessage("--accounts must be a whole number from 2 to 1000000, got 1");
    }
}
