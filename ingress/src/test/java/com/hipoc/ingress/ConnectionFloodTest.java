package com.hipoc.ingress;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of connections, five times the ingress's connection limit: most idle, some half a
 * request, some asking for /healthz. The ingress never holds more than its limit, keeps
 * serving real clients, and closes every flood connection it took.
 * <p>
 * Connections are counted on the ingress's side, not the crowd's: where a flood overflows the
 * kernel's accept queue, the kernel drops handshakes the client already counts as complete, and
 * a silent client's socket then stays open although no server ever held it.
 */
@ExtendWith(SharedIngressStack.class)
class ConnectionFloodTest {
    private static final int MAX_CONNECTIONS = 200;

    /** The connections the ingress holds: Jetty opens and closes each through its listeners. */
    private static final class Held implements Connection.Listener {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();

        @Override
        public void onOpened(Connection connection) {
            taken.incrementAndGet();
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void onClosed(Connection connection) {
            now.decrementAndGet();
        }
    }

    @Test
    void aConnectionFloodIsHeldToTheLimitAndRealClientsAreStillServed(IngressStack stack) throws Exception {
        try (IngressServer server = stack.ingress(Map.of("HTTP_MAX_CONNECTIONS", Integer.toString(MAX_CONNECTIONS),
                "HTTP_IDLE_TIMEOUT_MS", "2000"));
             SocketCrowd crowd = new SocketCrowd(server.port())) {
            Held held = new Held();
            ((ServerConnector) server.javalin().jettyServer().server().getConnectors()[0]).addEventListener(held);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            long written = stack.commandsWritten();

            crowd.join(700, "");
            crowd.join(100, "GET /heal");
            crowd.join(200, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            CompletableFuture<HttpResponse<String>> health = CompletableFuture.supplyAsync(
                    () -> TestClient.unsigned(server.port()).get("/healthz"));
            CompletableFuture<HttpResponse<String>> deposit = CompletableFuture.supplyAsync(() -> TestClient.unsigned(server.port())
                    .post("/v1/deposits", "{\"txId\":\"flood-ok\",\"account\":\"flood\",\"amount\":1,\"currency\":\"USD\"}"));

            // The crowd closes nothing itself, so only the ingress can bring what it holds to zero.
            boolean allClosed = crowd.pumpUntil(() -> health.isDone() && deposit.isDone() && held.now.get() == 0,
                    Duration.ofSeconds(60));

            assertThat(allClosed).as("the ingress closed every flood connection it took (%d held)", held.now.get()).isTrue();
            assertThat(held.most.get()).isBetween(MAX_CONNECTIONS / 2, MAX_CONNECTIONS);
            assertThat(held.taken.get()).as("slots were freed and reused").isGreaterThan(MAX_CONNECTIONS);
            assertThat(crowd.statusLines()).allMatch(line -> line.equals("HTTP/1.1 200 OK"));
            assertThat(health.join().statusCode()).isEqualTo(200);
            assertThat(deposit.join().statusCode()).as(deposit.join().body()).isEqualTo(200);
            assertThat(stack.commandsWritten()).isEqualTo(written + 1);
            // Jetty's pool is the only thing that could grow with connections; it is capped at 256.
            assertThat(threads.getPeakThreadCount() - threadsBefore).isLessThan(300);
        }
    }
}
