package com.hipoc.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class CompilerActivityTest {
    @Test
    void theShareIsTheCompilersPartOfTheCpuUsedInBetween() {
        CompilerActivity.Ticks before = new CompilerActivity.Ticks(40, 1_000);

        assertThat(new CompilerActivity.Ticks(70, 1_300).shareSince(before)).isEqualTo(0.1);
        assertThat(new CompilerActivity.Ticks(40, 1_000).shareSince(before)).as("nothing ran").isZero();
    }

    @Test
    void readsThisJvmsThreadsFromProc() {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        CompilerActivity.Ticks before = CompilerActivity.now();
        long spin = System.nanoTime() + 300_000_000L;
        long sum = 0;
        while (System.nanoTime() < spin) {
            sum += Long.numberOfTrailingZeros(System.nanoTime());
        }
        CompilerActivity.Ticks after = CompilerActivity.now();

        assertThat(sum).isPositive();
        assertThat(after.all() - before.all()).as("CPU ticks of 0.3 s of spinning").isGreaterThanOrEqualTo(10);
        assertThat(after.compilers()).isBetween(0L, after.all());
        assertThat(after.shareSince(before)).isBetween(0.0, 1.0);
    }
}
