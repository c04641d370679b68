package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A client of the ingress's HTTP API as API.md describes it, for system tests. */
final class BalanceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENCY = "USD";
    private static final long WAIT_MS = 20_000;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    BalanceApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, JsonNode body, Optional<String> replayed) {
        JsonNode account() {
            return body.path("account");
        }
    }

    Answer open(String account, String currency) throws IOException, InterruptedException {
        return post("/v1/accounts", Map.of("account", account, "currency", currency));
    }

    Answer deposit(String txId, String account, long amount) throws IOException, InterruptedException {
        return post("/v1/deposits", Map.of("txId", txId, "account", account, "amount", amount, "currency", CURRENCY));
    }

    Answer withdraw(String txId, String account, long amount) throws IOException, InterruptedException {
        return post("/v1/withdrawals", Map.of("txId", txId, "account", account, "amount", amount, "currency", CURRENCY));
    }

    Answer transfer(String txId, String from, String to, long amount) throws IOException, InterruptedException {
        return post("/v1/transfers", Map.of("txId", txId, "from", from, "to", to, "amount", amount, "currency", CURRENCY));
    }

    Answer hold(String txId, String account, long amount) throws IOException, InterruptedException {
        return post("/v1/holds", Map.of("txId", txId, "account", account, "amount", amount, "currency", CURRENCY));
    }

    Answer capture(String txId, String account, String holdTxId) throws IOException, InterruptedException {
        return post("/v1/holds/" + holdTxId + "/capture", Map.of("txId", txId, "account", account));
    }

    Answer account(String account) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/accounts/" + account)).GET());
    }

    /**
     * These tests check decisions, not latency: the first commands after a start can take a few
     * seconds on a loaded 2-core machine, so they wait longer than the default 2 s for the outcome.
     */
    private Answer post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path + "?wait=" + WAIT_MS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMillis(WAIT_MS + 10_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body, response.headers().firstValue("Idempotent-Replayed"));
    }
}
