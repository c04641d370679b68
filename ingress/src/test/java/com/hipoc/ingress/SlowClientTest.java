package com.hipoc.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris: clients that connect and then stall, in silence, in their request line, before
 * their body or halfway through it. More of them than the ingress has threads.
 */
@ExtendWith(SharedIngressStack.class)
class SlowClientTest {
    private static final int IDLE_TIMEOUT_MS = 5000;
    private static final String BODY = "{\"txId\":\"slow-1\",\"account\":\"slow\",\"amount\":1,\"currency\":\"USD\"}";

    @Test
    void stalledClientsHoldNoThreadWriteNothingAndAreDroppedAfterTheIdleTimeout(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of("HTTP_IDLE_TIMEOUT_MS", Integer.toString(IDLE_TIMEOUT_MS)));
             SocketCrowd crowd = new SocketCrowd(server.port())) {
            long written = stack.commandsWritten();
            crowd.join(30, "");
            crowd.join(30, "POST /v1/depo");
            String whole = RawConnection.request("POST", "/v1/deposits", "", BODY);
            int bodyStart = whole.length() - BODY.length();
            crowd.join(30, whole.substring(0, bodyStart));
            crowd.join(150, whole.substring(0, bodyStart + 20));
            crowd.join(150, RawConnection.chunkedStart("POST", "/v1/deposits", BODY.substring(0, 20)));
            assertThat(crowd.pumpUntil(() -> crowd.sent() == crowd.size(), Duration.ofSeconds(10))).isTrue();

            TestClient client = TestClient.unsigned(server.port());
            HttpResponse<String> deposit = client.post("/v1/deposits", "{\"txId\":\"slow-ok\",\"account\":\"slow\",\"amount\":1,\"currency\":\"USD\"}");
            assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);
            assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
            // Answered while every staller still holds its connection: 300 half bodies, more than
            // the 256 threads, did not make the real client wait for them to be dropped.
            crowd.pumpUntil(() -> false, Duration.ofMillis(100));
            assertThat(crowd.closed()).isZero();

            assertThat(crowd.pumpUntil(() -> crowd.closed() == crowd.size(), Duration.ofSeconds(IDLE_TIMEOUT_MS / 1000 * 6)))
                    .as("every stalled connection is closed by the ingress").isTrue();
            assertThat(crowd.statusLines()).noneMatch(line -> line.matches("HTTP/1\\.1 2\\d\\d.*"));
            assertThat(stack.commandsWritten()).isEqualTo(written + 1);
        }
    }

    @Test
    void aByteAtATimeClientIsServedWhileItKeepsSendingAndDroppedOnceItStalls(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of("HTTP_IDLE_TIMEOUT_MS", "1000"))) {
            try (RawConnection steady = new RawConnection(server.port())) {
                steady.trickle(RawConnection.request("POST", "/v1/deposits", "", BODY), Duration.ofMillis(5));
                assertThat(steady.status()).as("slow but never idle for a whole idle timeout").isEqualTo(200);
            }
            long written = stack.commandsWritten();
            try (RawConnection stalling = new RawConnection(server.port())) {
                String second = RawConnection.request("POST", "/v1/deposits", "", BODY.replace("slow-1", "slow-2"));
                stalling.trickle(second.substring(0, second.length() - 5), Duration.ofMillis(5));
                assertThat(stalling.readUntilClosed()).doesNotStartWith("HTTP/1.1 2");
            }
            assertThat(TestClient.unsigned(server.port()).get("/healthz").statusCode()).isEqualTo(200);
            assertThat(stack.commandsWritten()).isEqualTo(written);
        }
    }
}
