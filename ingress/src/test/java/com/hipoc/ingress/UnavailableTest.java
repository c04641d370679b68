package com.hipoc.ingress;

import com.hipoc.local.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 503 UNAVAILABLE: the log does not take commands, too many requests wait, a read store is down. */
@ExtendWith(SharedIngressStack.class)
class UnavailableTest {
    private static void assertUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestClient.json(r).get("code").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void withoutKafkaTheIngressIsNotReadyAndAnswers503(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingressWithoutKafka(500)) {
            TestClient client = TestClient.unsigned(server.port());
            assertUnavailable(client.get("/readyz"));
            assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
            long start = System.nanoTime();
            assertUnavailable(client.post("/v1/deposits", "{\"txId\":\"k1\",\"account\":\"a\",\"amount\":1,\"currency\":\"USD\"}"));
            assertUnavailable(client.post("/v1/batch", "{\"commands\":[{\"type\":\"deposit\",\"txId\":\"k2\",\"account\":\"a\",\"amount\":1,\"currency\":\"USD\"}]}"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        }
    }

    @Test
    void pastThePendingBoundRequestsAreRefusedBeforeWriting(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of("INGRESS_MAX_PENDING", "2"))) {
            TestClient client = TestClient.unsigned(server.port());
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> client.post("/v1/deposits?wait=1500",
                    "{\"txId\":\"p1\",\"account\":\"silent-p\",\"amount\":1,\"currency\":\"USD\"}"));
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> client.post("/v1/deposits?wait=1500",
                    "{\"txId\":\"p2\",\"account\":\"silent-p\",\"amount\":1,\"currency\":\"USD\"}"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> stack.responder.received.stream().filter(c -> c.txId.startsWith("p")).count() >= 2);
            long written = stack.commandsWritten();
            assertUnavailable(client.post("/v1/deposits", "{\"txId\":\"p3\",\"account\":\"p\",\"amount\":1,\"currency\":\"USD\"}"));
            assertThat(stack.commandsWritten()).isEqualTo(written);
            assertThat(first.join().statusCode()).isEqualTo(202);
            assertThat(second.join().statusCode()).isEqualTo(202);
            assertThat(client.post("/v1/deposits", "{\"txId\":\"p4\",\"account\":\"p\",\"amount\":1,\"currency\":\"USD\"}").statusCode())
                    .isEqualTo(200);
            assertThat(client.get("/metrics").body()).contains("ingress_pending_replies");
        }
    }

    @Test
    void readsAnswer503WhenMySqlIsDown(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of("MYSQL_PORT", Integer.toString(FreePort.find())))) {
            TestClient client = TestClient.unsigned(server.port());
            assertUnavailable(client.get("/v1/accounts/not-in-redis"));
            assertUnavailable(client.get("/v1/transactions/t-1"));
        }
    }
}
