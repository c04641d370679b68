package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static com.hipoc.ingress.TestRequests.id;
import static com.hipoc.ingress.TestRequests.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md: when identical requests are in flight at once, exactly one answer is the original and
 * every other carries {@code Idempotent-Replayed: true}; the deposit is credited once. Each
 * request must get the answer made for its own record, not the first one made for its txId.
 */
@ExtendWith(SharedIngressStack.class)
class ConcurrentRepeatsTest {
    private static final int REQUESTS = 50;
    private static final long AMOUNT = 7;

    @Test
    void fiftyIdenticalDepositsAtOnceOnOneInstance(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of())) {
            assertOneOriginalAndOneCredit(List.of(TestClient.unsigned(server.port())));
        }
    }

    /** Each instance reads its own result partition, so the replays come back on both. */
    @Test
    void fiftyIdenticalDepositsAtOnceAcrossTwoInstances(IngressStack stack) throws Exception {
        try (IngressServer zero = stack.ingress(Map.of("INGRESS_INSTANCE", "0"));
             IngressServer one = stack.ingress(Map.of("INGRESS_INSTANCE", "1"))) {
            assertOneOriginalAndOneCredit(List.of(TestClient.unsigned(zero.port()), TestClient.unsigned(one.port())));
        }
    }

    /** Sends the same deposit REQUESTS times at once, spread over the clients in turn. */
    private static void assertOneOriginalAndOneCredit(List<TestClient> clients) {
        String account = id("rita");
        String deposit = money(id("t"), account, AMOUNT);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(clients.get(i % clients.size()).postAsync("/v1/deposits", deposit));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        List<JsonNode> outcomes = answers.stream().map(TestClient::json).distinct().toList();
        assertThat(outcomes).as("one outcome for every answer").hasSize(1);
        assertThat(outcomes.get(0).at("/account/balance").asLong()).isEqualTo(AMOUNT);
        assertThat(answers).filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty())
                .as("answers without Idempotent-Replayed").hasSize(1);
        assertThat(answers).filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").equals(Optional.of("true")))
                .as("answers with Idempotent-Replayed: true").hasSize(REQUESTS - 1);

        HttpResponse<String> next = clients.get(clients.size() - 1).post("/v1/deposits", money(id("t"), account, 1));
        assertThat(TestClient.json(next).at("/account/balance").asLong()).as("credited once, then 1 more").isEqualTo(AMOUNT + 1);
    }
}
