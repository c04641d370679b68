package com.hipoc.local;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The options of the stack's commands as picocli reads them; bench's HipocCliTest runs them under {@code hipoc}. */
class CommandOptionsTest {
    private static final RepoLayout REPO = RepoLayout.locate();

    private static <T> T parsed(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void localHasTheDocumentedDefaults() {
        LocalOptions options = parsed(new LocalCommand()).options(Map.of(), REPO);

        assertThat(options.dataDir()).isEqualTo(Path.of(".hipoc").toAbsolutePath().normalize());
        assertThat(options.httpPort()).isEqualTo(8080);
        assertThat(options.flinkPort()).isEqualTo(8081);
        assertThat(options.parallelism()).isEqualTo(2);
        assertThat(options.flinkLib()).isEqualTo(REPO.flinkLib().toAbsolutePath());
        assertThat(options.external().kafkaBrokers()).isEmpty();
        assertThat(options.warmupLimit()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.readStorePriority()).isEqualTo(ReadStorePriority.BACKGROUND);
    }

    @Test
    void localTakesBothSyntaxesAndTheEnvironment() {
        LocalOptions options = parsed(new LocalCommand(), "--http-port=18080", "--flink-port", "18081", "--data-dir=/tmp/cli-x",
                "--parallelism", "4", "--warmup-limit=0", "--read-store-priority=normal").options(Map.of("KAFKA_BROKERS", "127.0.0.1:19092"), REPO);

        assertThat(options.httpPort()).isEqualTo(18080);
        assertThat(options.flinkPort()).isEqualTo(18081);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/cli-x"));
        assertThat(options.parallelism()).isEqualTo(4);
        assertThat(options.external().kafkaBrokers()).contains("127.0.0.1:19092");
        assertThat(options.warmupLimit()).isZero();
        assertThat(options.readStorePriority()).isEqualTo(ReadStorePriority.NORMAL);
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        LocalCommand local = parsed(new LocalCommand(), "--http-port", "70000");

        assertThatThrownBy(() -> local.options(Map.of(), REPO)).isInstanceOf(ParameterException.class)
                .hasMessage("--http-port must be a whole number from 1 to 65535, got 70000");
    }

    @Test
    void anUnknownOptionOrANonNumberIsRefusedByName() {
        assertThatThrownBy(() -> parsed(new LocalCommand(), "--http-prot=1")).isInstanceOf(UnmatchedArgumentException.class)
                .hasMessage("Unknown option: '--http-prot=1'");
        assertThatThrownBy(() -> parsed(new LocalCommand(), "--http-port=eighty")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("'eighty' is not an int");
        assertThatThrownBy(() -> parsed(new LocalCommand(), "--read-store-priority=low")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--read-store-priority").hasMessageContaining("but was 'low'");
    }

    @Test
    void upgradeReadsRequiredAndOptionalValues() {
        UpgradeCommand upgrade = parsed(new UpgradeCommand(), "--from", "file:/sp/savepoint-1", "--parallelism=3", "--job=read-models");

        assertThat(upgrade.from).isEqualTo("file:/sp/savepoint-1");
        assertThat(upgrade.parallelism()).isEqualTo(OptionalInt.of(3));
        assertThat(upgrade.job).isEqualTo(HipocJob.READ_MODELS);
        assertThat(upgrade.flink).isEqualTo(FlinkRest.LOCAL_URL);
        assertThat(upgrade.jar).isNull();
    }

    @Test
    void upgradeWithoutParallelismLeavesItToTheClusterAndNeedsFrom() {
        assertThat(parsed(new UpgradeCommand(), "--from", "sp").parallelism()).isEmpty();
        assertThat(parsed(new UpgradeCommand(), "--from", "sp").job).isEqualTo(HipocJob.BALANCE_ENGINE);
        assertThatThrownBy(() -> parsed(new UpgradeCommand())).isInstanceOf(MissingParameterException.class)
                .hasMessage("Missing required option: '--from=SAVEPOINT'");
    }

    @Test
    void upgradeRefusesAParallelismAboveTheMaximum() {
        UpgradeCommand upgrade = parsed(new UpgradeCommand(), "--from", "sp", "--parallelism", "5000");

        assertThatThrownBy(upgrade::parallelism).isInstanceOf(ParameterException.class).hasMessageContaining("from 1 to 4096");
    }

    @Test
    void savepointNamesTheJobAsItRunsOnTheCluster() {
        SavepointCommand savepoint = parsed(new SavepointCommand(), "--job", "read-models", "--dir=/tmp/sp");

        assertThat(savepoint.job).isEqualTo(HipocJob.READ_MODELS);
        assertThat(savepoint.dir).isEqualTo(Path.of("/tmp/sp"));
        assertThat(parsed(new SavepointCommand()).job).isEqualTo(HipocJob.BALANCE_ENGINE);
        assertThatThrownBy(() -> parsed(new SavepointCommand(), "--job", "engine")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Invalid value for option '--job'").hasMessageContaining("balance-engine");
    }

    @Test
    void stopFindsTheStackByItsDataDir() {
        assertThat(parsed(new StopCommand()).dataDir.path()).isEqualTo(Path.of(".hipoc").toAbsolutePath().normalize());
        assertThat(parsed(new StopCommand(), "--data-dir=/tmp/d").dataDir.path()).isEqualTo(Path.of("/tmp/d"));
    }
}
