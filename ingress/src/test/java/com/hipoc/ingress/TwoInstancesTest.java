package com.hipoc.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Two ingress instances on one Kafka: each names its own result partition and gets its own replies. */
@ExtendWith(SharedIngressStack.class)
class TwoInstancesTest {
    @Test
    void eachInstanceGetsItsOwnReplies(IngressStack stack) throws Exception {
        try (IngressServer zero = stack.ingress(Map.of("INGRESS_INSTANCE", "0"));
             IngressServer one = stack.ingress(Map.of("INGRESS_INSTANCE", "1"))) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            List<String> txIds = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                IngressServer server = i % 2 == 0 ? zero : one;
                String txId = "two-" + i;
                txIds.add(txId);
                String body = "{\"txId\":\"" + txId + "\",\"account\":\"two-" + (i % 7) + "\",\"amount\":1,\"currency\":\"USD\"}";
                calls.add(CompletableFuture.supplyAsync(() -> TestClient.unsigned(server.port()).post("/v1/deposits", body)));
            }
            for (int i = 0; i < calls.size(); i++) {
                HttpResponse<String> r = calls.get(i).join();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(TestClient.json(r).get("txId").asText()).isEqualTo(txIds.get(i));
                assertThat(stack.responder.replyPartitionByTxId.get(txIds.get(i))).isEqualTo(i % 2);
            }
        }
    }
}
