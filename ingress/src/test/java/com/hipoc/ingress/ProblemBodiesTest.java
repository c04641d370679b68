package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.OpsRoutes;
import com.hipoc.local.FreePort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.hipoc.ingress.TestRequests.batchItem;
import static com.hipoc.ingress.TestRequests.id;
import static com.hipoc.ingress.TestRequests.money;
import static com.hipoc.ingress.TestRequests.transfer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of problem the ingress answers, read by a strict RFC 9457 client: client errors,
 * authentication, unavailability, and refusals carrying their outcome, alone and in a batch.
 */
@ExtendWith(SharedIngressStack.class)
class ProblemBodiesTest {
    private static IngressStack stack;
    private static TestClient client;

    @BeforeAll
    static void start(IngressStack shared, TestClient plain) {
        stack = shared;
        client = plain;
    }

    /** The answer is a strict problem with this status and code, and an ingress-made type URN. */
    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        StrictProblem problem = StrictProblem.of(answer);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.extension("code")).isEqualTo(code);
        assertThat(problem.type()).isEqualTo(URI.create("urn:hipoc:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.detail()).isNotBlank();
    }

    /** A refusal: a strict problem that also carries the outcome, its status in outcomeStatus. */
    private static void assertRefusal(StrictProblem problem, int status, String txId, String type, String outcomeStatus,
                                      String reason) {
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo(URI.create(type));
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.detail()).isNotBlank();
        assertThat(problem.extension("txId")).isEqualTo(txId);
        assertThat(problem.extension("outcomeStatus")).isEqualTo(outcomeStatus);
        assertThat(problem.extension("reason")).isEqualTo(reason);
        assertThat(problem.extension("code")).isEqualTo(reason);
        assertThat(problem.extension("acceptedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(problem.extensions().get("account").isObject()).as(problem.extensions().toString()).isTrue();
    }

    @Test
    void clientErrorsAreStrictProblems() {
        assertProblem(client.post("/v1/deposits", "{\"txId\":"), 400, "INVALID_REQUEST");
        assertProblem(client.post("/v1/deposits", "{\"txId\":\"p\",\"account\":\"a\",\"amount\":\"5\",\"currency\":\"USD\"}"),
                400, "INVALID_REQUEST");
        assertProblem(client.post("/v1/deposits?wait=soon", money("p", "a", 5)), 400, "INVALID_REQUEST");
        assertProblem(client.post("/v1/batch", "{\"commands\":[{\"type\":\"teleport\"}]}"), 400, "INVALID_REQUEST");
        assertProblem(client.get("/v1/accounts/a/entries?limit=0"), 400, "INVALID_REQUEST");
        assertProblem(client.get("/v1/nowhere"), 404, "NOT_FOUND");
        assertProblem(client.get("/v1/accounts/" + id("nobody")), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(client.get("/v1/transactions/" + id("never")), 404, "TRANSACTION_NOT_FOUND");
        assertProblem(TestClient.send(client.request("PUT", "/v1/deposits", "")), 405, "METHOD_NOT_ALLOWED");
        String oversized = money("p", "a", 5).replace("\"a\"", "\"" + "a".repeat((int) IngressServer.MAX_BODY_BYTES) + "\"");
        assertProblem(client.post("/v1/deposits", oversized), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(TestClient.send(client.request("POST", "/v1/deposits", money("p", "a", 5))
                .header("Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anUnsignedRequestIsAStrictProblem() throws Exception {
        try (IngressServer signed = stack.ingress(Map.of("HMAC_SECRET", "k1:problem-secret-0123"))) {
            TestClient unsigned = TestClient.unsigned(signed.port());
            assertProblem(unsigned.post("/v1/deposits", money(id("p"), "a", 5)), 401, "UNAUTHENTICATED");
            assertProblem(unsigned.get("/v1/accounts/a"), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void unavailabilityIsAStrictProblem() throws Exception {
        try (IngressServer withoutKafka = stack.ingressWithoutKafka(500)) {
            TestClient noLog = TestClient.unsigned(withoutKafka.port());
            assertProblem(noLog.get("/readyz"), 503, "UNAVAILABLE");
            assertProblem(noLog.post("/v1/deposits", money(id("p"), "a", 5)), 503, "UNAVAILABLE");
            assertProblem(noLog.post("/v1/batch", "{\"commands\":[" + batchItem("deposit", money(id("p"), "a", 5)) + "]}"),
                    503, "UNAVAILABLE");
        }
        try (IngressServer withoutMySql = stack.ingress(Map.of("MYSQL_PORT", Integer.toString(FreePort.find())))) {
            assertProblem(TestClient.unsigned(withoutMySql.port()).get("/v1/transactions/t-1"), 503, "UNAVAILABLE");
        }
    }

    @Test
    void refusalsAreStrictProblemsCarryingTheOutcome() {
        String account = id("payer");
        client.post("/v1/deposits", money(id("d"), account, 100));

        String overdraw = id("w");
        assertRefusal(StrictProblem.of(client.post("/v1/withdrawals", money(overdraw, account, 5000))), 422, overdraw,
                "withdrawal", "REJECTED", "INSUFFICIENT_FUNDS");
        String refunded = id("tr");
        assertRefusal(StrictProblem.of(client.post("/v1/transfers", transfer(refunded, account, id("closed-payee"), 60))), 422,
                refunded, "transfer", "FAILED", "ACCOUNT_CLOSED");
        String reused = id("d");
        client.post("/v1/deposits", money(reused, account, 1));
        assertRefusal(StrictProblem.of(client.post("/v1/deposits", money(reused, account, 2))), 409, reused, "deposit",
                "REJECTED", "IDEMPOTENCY_CONFLICT");
    }

    /** API.md: batch items that are refusals have the shape of the single answers. */
    @Test
    void batchRefusalsAreTheSameProblemsAsSingleAnswers() {
        String account = id("batcher");
        String reused = id("d");
        client.post("/v1/deposits", money(reused, account, 1));
        String single = id("w");
        JsonNode singleRefusal = TestClient.json(client.post("/v1/withdrawals", money(single, account, 5000)));

        String overdraw = id("w");
        String refunded = id("tr");
        HttpResponse<String> batch = client.post("/v1/batch", "{\"commands\":["
                + batchItem("withdrawal", money(overdraw, account, 5000)) + ","
                + batchItem("deposit", money(reused, account, 2)) + ","
                + batchItem("transfer", transfer(refunded, account, id("closed-payee"), 1)) + "]}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        JsonNode items = TestClient.json(batch).get("outcomes");

        assertRefusal(StrictProblem.of(422, items.get(0)), 422, overdraw, "withdrawal", "REJECTED", "INSUFFICIENT_FUNDS");
        assertRefusal(StrictProblem.of(409, items.get(1)), 409, reused, "deposit", "REJECTED", "IDEMPOTENCY_CONFLICT");
        assertRefusal(StrictProblem.of(422, items.get(2)), 422, refunded, "transfer", "FAILED", "ACCOUNT_CLOSED");
        assertThat(members(items.get(0))).isEqualTo(members(singleRefusal));
    }

    /** /openapi.json's Rejection names every member a refusal has, and the ones it must have. */
    @Test
    void refusalsHaveTheMembersTheOpenApiDocumentNames() throws Exception {
        JsonNode rejection = Json.MAPPER.readTree(OpsRoutes.openApiDocument()).at("/components/schemas/Rejection");
        Set<String> documented = new TreeSet<>();
        rejection.get("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> required = new TreeSet<>();
        rejection.get("required").forEach(name -> required.add(name.asText()));

        JsonNode refusal = TestClient.json(client.post("/v1/withdrawals", money(id("w"), id("payer"), 5000)));

        assertThat(documented).containsAll(members(refusal));
        assertThat(members(refusal)).containsAll(required);
        assertThat(rejection.at("/properties/status/type").asText()).isEqualTo("integer");
    }

    private static Set<String> members(JsonNode body) {
        Set<String> names = new TreeSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
