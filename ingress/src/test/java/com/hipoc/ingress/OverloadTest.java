package com.hipoc.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offered load above what the ingress may take: the excess is shed with 503 UNAVAILABLE, what
 * the ingress holds stays within its bounds, nothing refused reaches the log, and it serves
 * normally afterwards.
 */
@ExtendWith(SharedIngressStack.class)
class OverloadTest {
    private static final int MAX_PENDING = 50;
    private static final int FLOOD = 400;

    private static String deposit(String txId, String account) {
        return "{\"txId\":\"" + txId + "\",\"account\":\"" + account + "\",\"amount\":1,\"currency\":\"USD\"}";
    }

    private static List<HttpResponse<String>> flood(TestClient client, String name, String account, String query) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            calls.add(client.postAsync("/v1/deposits" + query, deposit(name + "-" + i, account + "-" + i % 8)));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static long count(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }

    private static double pendingReplies(TestClient client) {
        return client.get("/metrics").body().lines()
                .filter(line -> line.startsWith("ingress_pending_replies "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    @Test
    void withTheEngineSilentThePendingBoundShedsTheExcessAndNothingRefusedIsWritten(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of("INGRESS_MAX_PENDING", Integer.toString(MAX_PENDING)))) {
            TestClient client = TestClient.unsigned(server.port());
            long written = stack.commandsWritten();
            CompletableFuture<List<HttpResponse<String>>> answers =
                    CompletableFuture.supplyAsync(() -> flood(client, "over", "silent-over", "?wait=2000"));
            double mostPending = 0;
            while (!answers.isDone()) {
                mostPending = Math.max(mostPending, pendingReplies(client));
            }

            List<HttpResponse<String>> all = answers.join();
            assertThat(all).allMatch(r -> r.statusCode() == 202 || r.statusCode() == 503);
            assertThat(count(all, 202)).isGreaterThanOrEqualTo(MAX_PENDING);
            assertThat(count(all, 503)).isPositive();
            assertThat(all).filteredOn(r -> r.statusCode() == 503)
                    .allMatch(r -> TestClient.json(r).get("code").asText().equals("UNAVAILABLE"));
            assertThat(mostPending).isBetween(1.0, (double) MAX_PENDING);
            assertThat(stack.commandsWritten() - written).isEqualTo(count(all, 202));

            assertThat(pendingReplies(client)).isZero();
            assertThat(client.post("/v1/deposits", deposit("over-after", "over")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWaitZeroFloodOnALogThatCannotTakeItIsRefusedWithoutGrowingTheHeap(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingressWithoutKafka(300)) {
            TestClient client = TestClient.unsigned(server.port());
            long heapBefore = heapAfterGc();

            List<HttpResponse<String>> all = flood(client, "nolog", "nolog", "?wait=0");

            assertThat(all).allMatch(r -> r.statusCode() == 503);
            assertThat(heapAfterGc() - heapBefore).isLessThan(64L * 1024 * 1024);
            assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
