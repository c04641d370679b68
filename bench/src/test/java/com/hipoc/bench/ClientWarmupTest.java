package com.hipoc.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ClientWarmupTest {
    @Test
    void theResponderAnswersEveryRequestAsTheIngressAnswersAnAppliedDeposit() throws Exception {
        Workload deposits = new Workload(new UniformAccounts(100), CommandMix.DEPOSITS, 7, "client-warmup-test");

        OutcomeCounts outcomes = ClientWarmup.run(deposits, 16);

        assertThat(outcomes.commands()).isPositive();
        assertThat(outcomes.errors()).isZero();
        assertThat(outcomes.byKind()).containsExactly(entry(OutcomeKind.decision("APPLIED", ""), outcomes.commands()));
    }
}
