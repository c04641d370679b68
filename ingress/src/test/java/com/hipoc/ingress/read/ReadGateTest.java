package com.hipoc.ingress.read;

import com.hipoc.ingress.http.ProblemException;
import io.javalin.http.Handler;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadGateTest {
    private final ReadGate gate = new ReadGate(2);
    private final AtomicInteger served = new AtomicInteger();
    private final Handler quickRead = ctx -> served.incrementAndGet();

    @Test
    void refusesAReadPastTheBoundAtOnceAndServesAgainWhenOneEnds() throws Exception {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        CountDownLatch bothWaiting = new CountDownLatch(2);
        Handler stuckRead = ctx -> {
            bothWaiting.countDown();
            storeAnswers.await();
        };
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> read(stuckRead));
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> read(stuckRead));
        assertThat(bothWaiting.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.guard(quickRead).handle(null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));
        assertThat(served).hasValue(0);

        storeAnswers.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        gate.guard(quickRead).handle(null);
        gate.guard(quickRead).handle(null);
        assertThat(served).hasValue(2);
    }

    @Test
    void aFailedReadGivesItsPlaceBack() throws Exception {
        Handler failing = ctx -> {
            throw new IllegalStateException("store down");
        };
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gate.guard(failing).handle(null)).isInstanceOf(IllegalStateException.class);
        }
        gate.guard(quickRead).handle(null);
        gate.guard(quickRead).handle(null);
        assertThat(served).hasValue(2);
    }

    private void read(Handler handler) {
        try {
            gate.guard(handler).handle(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
