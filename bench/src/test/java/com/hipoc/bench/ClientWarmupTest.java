package com.hipoc.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientWarmupTest {
    @Test
    void theResponderAnswersEveryRequestAsTheIngressAnswersAnAppliedDeposit() throws Exception {
        Workload deposits = new Workload(new UniformAccounts(100), CommandMix.DEPOSITS, 7, "client-warmup-test");

        OutcomeCounts outcomes = ClientWarmup.run(deposits, 16);

        assertThat(outcomes.commands()).isGreaterThan(1_000);
        assertThat(outcomes.errors()).isZero();
        assertThat(outcomes.byKind()).containsOnlyKeys(OutcomeKind.decision("APPLIED", ""));
    }
}
