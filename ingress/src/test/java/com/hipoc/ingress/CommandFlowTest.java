package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static com.hipoc.ingress.TestRequests.id;
import static com.hipoc.ingress.TestRequests.money;
import static com.hipoc.ingress.TestRequests.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/** Commands end to end through real Kafka, with the test responder deciding them. */
@ExtendWith(SharedIngressStack.class)
class CommandFlowTest {
    private static IngressStack stack;
    private static TestClient client;

    @BeforeAll
    static void start(IngressStack shared, TestClient plain) {
        stack = shared;
        client = plain;
    }

    @Test
    void appliedDepositAnswers200WithTheOutcome() {
        String tx = id("t");
        String account = id("alice");
        HttpResponse<String> r = client.post("/v1/deposits", money(tx, account, 1000));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = TestClient.json(r);
        assertThat(body.get("txId").asText()).isEqualTo(tx);
        assertThat(body.get("type").asText()).isEqualTo("deposit");
        assertThat(body.get("status").asText()).isEqualTo("APPLIED");
        assertThat(body.get("account").get("balance").asLong()).isEqualTo(1000);
        assertThat(body.get("acceptedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.has("replayed")).isFalse();
        assertThat(body.has("replyPartition")).isFalse();
        assertThat(body.has("requestId")).isFalse();
        assertThat(r.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void answerSaysWhereItsTimeWentAndMetricsAddItUp() {
        HttpResponse<String> r = client.post("/v1/deposits", money(id("t"), id("dora"), 700));
        assertThat(r.statusCode()).isEqualTo(200);
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        assertThat(timing).matches("request;dur=\\d+\\.\\d, log;dur=\\d+\\.\\d, engine;dur=\\d+\\.\\d, results;dur=\\d+\\.\\d, answer;dur=\\d+\\.\\d");
        String metrics = client.get("/metrics").body();
        for (String stage : new String[] {"request", "log", "engine", "results", "answer"}) {
            assertThat(metrics).containsPattern("ingress_command_stage_seconds_count\\{stage=\"" + stage + "\"} [1-9]");
        }
    }

    @Test
    void requestStageCountsFromTheRequestsArrivalNotFromTheHandler() throws Exception {
        String request = RawConnection.request("POST", "/v1/deposits", "", money(id("t"), id("erin"), 300));
        int bodyStart = request.indexOf("\r\n\r\n") + 4;
        try (RawConnection connection = new RawConnection(client.port())) {
            connection.send(request.substring(0, bodyStart));
            Thread.sleep(400);
            RawConnection.Answer answer = connection.send(request.substring(bodyStart)).answer();
            assertThat(answer.status()).isEqualTo(200);
            String requestStage = answer.headers().get("server-timing").split(",")[0];
            assertThat(requestStage).startsWith("request;dur=");
            // Jetty notes the arrival when its selector reads the head, which may trail our send by a busy scheduler's delay
            assertThat(Double.parseDouble(requestStage.substring("request;dur=".length()))).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void repeatAnswersTheOriginalOutcomeWithTheReplayHeader() {
        String tx = id("t");
        String account = id("bob");
        HttpResponse<String> first = client.post("/v1/deposits", money(tx, account, 500));
        HttpResponse<String> again = client.post("/v1/deposits", money(tx, account, 500));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(TestClient.json(again)).isEqualTo(TestClient.json(first));
    }

    @Test
    void repeatWithAnotherPayloadIsAConflict() {
        String tx = id("t");
        String account = id("carol");
        client.post("/v1/deposits", money(tx, account, 500));
        HttpResponse<String> r = client.post("/v1/deposits", money(tx, account, 501));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = TestClient.json(r);
        assertThat(body.get("code").asText()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(body.get("status").isInt()).isTrue();
        assertThat(body.get("status").intValue()).isEqualTo(409);
        assertThat(body.get("outcomeStatus").asText()).isEqualTo("REJECTED");
    }

    @Test
    void ruleRejectionAnswers422ProblemWithTheOutcome() {
        String account = id("dave");
        String tx = id("t");
        HttpResponse<String> r = client.post("/v1/withdrawals", money(tx, account, 5000));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = TestClient.json(r);
        assertThat(body.get("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(body.get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(body.get("status").isInt()).isTrue();
        assertThat(body.get("status").intValue()).isEqualTo(422);
        assertThat(body.get("outcomeStatus").asText()).isEqualTo("REJECTED");
        assertThat(body.get("txId").asText()).isEqualTo(tx);
        assertThat(body.get("type").asText()).isEqualTo("withdrawal");
        assertThat(body.get("acceptedAt").asText()).endsWith("Z");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("account").get("account").asText()).isEqualTo(account);
    }

    @Test
    void transferWaitsForItsFinalOutcome() {
        String from = id("erin");
        client.post("/v1/deposits", money(id("t"), from, 100));
        String tx = id("tr");
        HttpResponse<String> r = client.post("/v1/transfers", transfer(tx, from, "frank", 60));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(r).get("status").asText()).isEqualTo("COMPLETED");
        Map<String, Integer> partitions = stack.responder.replyPartitionByTxId;
        assertThat(partitions.get(tx)).isEqualTo(0);
    }

    @Test
    void transferStillPendingAtTheEndOfTheWaitAnswers202WithThePendingOutcome() {
        String from = id("gina");
        client.post("/v1/deposits", money(id("t"), from, 100));
        String tx = id("tr");
        HttpResponse<String> r = client.post("/v1/transfers?wait=300", transfer(tx, from, "stuck-harry", 60));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location")).hasValue("/v1/transactions/" + tx);
        assertThat(TestClient.json(r).get("status").asText()).isEqualTo("PENDING");
    }

    /**
     * A repeat's record gets only the replay of what its txId stands at, PENDING here; the final
     * outcome answers the original request, so the repeat has nothing more to wait for.
     */
    @Test
    void aRepeatOfATransferStillPendingAnswersTheReplayedPendingOutcomeAtOnce() {
        String from = id("paul");
        client.post("/v1/deposits", money(id("t"), from, 100));
        String tx = id("tr");
        String transfer = transfer(tx, from, "stuck-quinn", 60);
        HttpResponse<String> first = client.post("/v1/transfers?wait=300", transfer);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        long before = System.nanoTime();
        HttpResponse<String> again = client.post("/v1/transfers?wait=10000", transfer);
        long tookMs = (System.nanoTime() - before) / 1_000_000;

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location")).hasValue("/v1/transactions/" + tx);
        assertThat(TestClient.json(again)).isEqualTo(TestClient.json(first));
        assertThat(tookMs).isLessThan(5000);
    }

    @Test
    void noOutcomeWithinTheWaitAnswers202Accepted() {
        String tx = id("t");
        long before = System.nanoTime();
        HttpResponse<String> r = client.post("/v1/deposits?wait=300", money(tx, id("silent-ivan"), 10));
        long tookMs = (System.nanoTime() - before) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(tookMs).isBetween(250L, 2500L);
        assertThat(r.headers().firstValue("Location")).hasValue("/v1/transactions/" + tx);
        JsonNode body = TestClient.json(r);
        assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("txId").asText()).isEqualTo(tx);
        assertThat(body.get("type").asText()).isEqualTo("deposit");
        assertThat(body.get("acceptedAt").asText()).endsWith("Z");
    }

    @Test
    void waitZeroAnswersOnceTheLogTookTheCommand() throws Exception {
        String tx = id("t");
        long written = stack.commandsWritten();
        HttpResponse<String> r = client.post("/v1/deposits?wait=0", money(tx, id("judy"), 10));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(TestClient.json(r).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(stack.commandsWritten()).isEqualTo(written + 1);
    }

    @Test
    void openWithoutTxIdDerivesOneSoARetryIsIdempotent() {
        String account = id("kate");
        String body = "{\"account\":\"" + account + "\",\"currency\":\"EUR\",\"overdraftLimit\":0}";
        HttpResponse<String> first = client.post("/v1/accounts", body);
        HttpResponse<String> again = client.post("/v1/accounts", body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(first).get("txId").asText()).isEqualTo("open:" + account);
        assertThat(TestClient.json(first).get("type").asText()).isEqualTo("open");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void pathIdentifiersKeyTheCommand() {
        String account = id("leo");
        String tx = id("f");
        HttpResponse<String> r = client.post("/v1/accounts/" + account + "/freeze", "{\"txId\":\"" + tx + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        String capture = id("c");
        client.post("/v1/holds/h-1/capture", "{\"txId\":\"" + capture + "\",\"account\":\"" + account + "\",\"amount\":5}");
        assertThat(stack.responder.received).anySatisfy(c -> {
            assertThat(c.txId).isEqualTo(tx);
            assertThat(c.account).isEqualTo(account);
        }).anySatisfy(c -> {
            assertThat(c.txId).isEqualTo(capture);
            assertThat(c.holdTxId).isEqualTo("h-1");
            assertThat(c.amount).isEqualTo(5L);
        });
    }

    @Test
    void batchAnswersOneOutcomePerCommandInOrder() {
        String a = id("nina");
        StringBuilder commands = new StringBuilder();
        commands.append("{\"type\":\"deposit\",\"txId\":\"").append(id("b")).append("\",\"account\":\"").append(a)
                .append("\",\"amount\":100,\"currency\":\"USD\"},");
        commands.append("{\"type\":\"withdrawal\",\"txId\":\"").append(id("b")).append("\",\"account\":\"").append(a)
                .append("\",\"amount\":1000,\"currency\":\"USD\"},");
        commands.append("{\"type\":\"freeze\",\"txId\":\"").append(id("b")).append("\",\"account\":\"").append(a).append("\"},");
        commands.append("{\"type\":\"deposit\",\"txId\":\"").append(id("b")).append("\",\"account\":\"silent-").append(a)
                .append("\",\"amount\":1,\"currency\":\"USD\"}");
        HttpResponse<String> r = client.post("/v1/batch?wait=500", "{\"commands\":[" + commands + "]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode outcomes = TestClient.json(r).get("outcomes");
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0).get("status").asText()).isEqualTo("APPLIED");
        assertThat(outcomes.get(1).get("status").intValue()).isEqualTo(422);
        assertThat(outcomes.get(1).get("outcomeStatus").asText()).isEqualTo("REJECTED");
        assertThat(outcomes.get(1).get("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(outcomes.get(2).get("type").asText()).isEqualTo("freeze");
        assertThat(outcomes.get(3).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aThousandCommandBatchFitsAndIsAnswered() {
        String a = id("oscar");
        StringBuilder commands = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            commands.append(i == 0 ? "" : ",").append("{\"type\":\"deposit\",\"txId\":\"").append(a).append("-").append(i)
                    .append("\",\"account\":\"").append(a).append("-").append(i % 37).append("\",\"amount\":1,\"currency\":\"USD\"}");
        }
        HttpResponse<String> r = client.post("/v1/batch", "{\"commands\":[" + commands + "]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode outcomes = TestClient.json(r).get("outcomes");
        assertThat(outcomes).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(outcomes.get(i).get("txId").asText()).isEqualTo(a + "-" + i);
            assertThat(outcomes.get(i).get("status").asText()).isEqualTo("APPLIED");
        }
    }
}
