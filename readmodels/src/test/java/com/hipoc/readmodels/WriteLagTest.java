package com.hipoc.readmodels;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WriteLagTest {
    private long now = 1_000;
    private final WriteLag lag = new WriteLag(() -> now);

    @Test
    void isTheAgeOfTheOldestDecisionHeldAndNotYetWritten() {
        assertThat(lag.getValue()).isZero();
        lag.held(900);
        lag.held(800);
        lag.held(950);
        assertThat(lag.getValue()).isEqualTo(200);

        lag.handedOver();
        lag.held(990);
        now = 1_100;
        assertThat(lag.getValue()).as("the batch being written holds the oldest").isEqualTo(300);
        lag.written();
        assertThat(lag.getValue()).as("then the batch still open").isEqualTo(110);
        lag.handedOver();
        lag.written();
        assertThat(lag.getValue()).as("caught up").isZero();
    }

    @Test
    void isNeverNegativeWhenTheIngressClockIsAhead() {
        lag.held(now + 50);
        assertThat(lag.getValue()).isZero();
    }
}
