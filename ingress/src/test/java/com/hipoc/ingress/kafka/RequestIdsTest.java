package com.hipoc.ingress.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    @Test
    void countsOnPastZeroWhichMeansNone() {
        RequestIds ids = new RequestIds(-2);

        assertThat(ids.next()).isEqualTo(-1);
        assertThat(ids.next()).isEqualTo(1);
        assertThat(ids.next()).isEqualTo(2);
    }

    @Test
    void twoRunsStartApart() {
        assertThat(RequestIds.randomStart().next()).isNotEqualTo(RequestIds.randomStart().next());
    }
}
