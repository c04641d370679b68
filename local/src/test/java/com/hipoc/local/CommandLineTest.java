package com.hipoc.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    private static final Set<String> UPGRADE = Set.of("from", "jar", "parallelism", "flink");

    @Test
    void readsRequiredAndOptionalValues() {
        CommandLine cl = CommandLine.parse(List.of("--from", "file:/sp/savepoint-1", "--parallelism=3"), UPGRADE);

        assertThat(cl.required("from")).isEqualTo("file:/sp/savepoint-1");
        assertThat(cl.optionalInteger("parallelism", 4096)).isEqualTo(OptionalInt.of(3));
        assertThat(cl.string("flink", FlinkRest.LOCAL_URL)).isEqualTo(FlinkRest.LOCAL_URL);
    }

    @Test
    void anAbsentOptionalNumberIsEmptyAndAMissingRequiredOneIsAUsageError() {
        CommandLine cl = CommandLine.parse(List.of(), UPGRADE);

        assertThat(cl.optionalInteger("parallelism", 4096)).isEmpty();
        assertThatThrownBy(() -> cl.required("from")).isInstanceOf(UsageException.class).hasMessage("--from is required");
    }

    @Test
    void refusesAParallelismAboveTheMaximum() {
        CommandLine cl = CommandLine.parse(List.of("--parallelism", "5000"), UPGRADE);

        assertThatThrownBy(() -> cl.optionalInteger("parallelism", 4096)).isInstanceOf(UsageException.class)
                .hasMessageContaining("from 1 to 4096");
    }
}
