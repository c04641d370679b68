package com.hipoc.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StageLatenciesTest {
    @Test
    void theRoundTripOutsideTheIngresssStagesIsTheClientStage() {
        StageLatencies stages = new StageLatencies();
        stages.record("request;dur=0.5, log;dur=1.0, engine;dur=3.0", 9_000_000);

        var percentiles = stages.percentiles();

        assertThat(percentiles).containsOnlyKeys("request", "log", "engine", StageLatencies.CLIENT);
        assertThat(percentiles.keySet()).startsWith("request", "log", "engine");
        assertThat(percentiles.get("engine").get("p50")).isCloseTo(3.0, within(0.01));
        assertThat(percentiles.get(StageLatencies.CLIENT).get("p50")).isCloseTo(4.5, within(0.01));
    }

    @Test
    void anAnswerWithoutTheHeaderAddsNothing() {
        StageLatencies stages = new StageLatencies();
        stages.record("", 9_000_000);

        assertThat(stages.percentiles()).isEmpty();
    }
}
