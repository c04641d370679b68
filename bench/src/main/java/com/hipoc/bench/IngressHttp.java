package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.events.WireJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asynchronous JSON POSTs to the ingress over HTTP/1.1 keep-alive connections. The driver bounds
 * the requests in flight, and with them the connections the client opens.
 */
public final class IngressHttp implements AutoCloseable {
    /** Longer than the ingress's own 2 s wait for an outcome, so a late answer comes back as 202, not as our timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    /**
     * Answers are handled on the client's own selector thread, with no hand-off to a pool: at
     * 1,000 requests/s that cut the load generator's CPU from 0.77 to 0.64 cores (BENCHMARKS.md),
     * CPU taken from the stack it measures. What runs there is short: parse, count, record.
     */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Runnable::run)
            .build();

    public IngressHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @param serverTiming the answer's {@code Server-Timing} header, empty when it has none */
    public record Answer(int status, JsonNode body, String serverTiming) {
    }

    /** Completes with the answer, or fails with a short description of why there is none. */
    public CompletableFuture<Answer> post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.encode(body))));
    }

    /** A read, e.g. the {@code Location} of a 202: {@code /v1/transactions/{txId}}. */
    public CompletableFuture<Answer> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private CompletableFuture<Answer> send(HttpRequest.Builder request) {
        return client.sendAsync(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), parse(r.body()),
                        r.headers().firstValue("Server-Timing").orElse("")));
    }

    /**
     * The outcome's status in a command's answer or a transaction read (API.md): a 409 or 422
     * problem carries it in {@code outcomeStatus}, its {@code status} being the HTTP code; any
     * other body in {@code status}. Empty when the body carries none (another problem).
     */
    public static String outcomeStatus(JsonNode body) {
        JsonNode status = body.has("outcomeStatus") ? body.get("outcomeStatus") : body.path("status");
        return status.isTextual() ? status.textValue() : "";
    }

    /** The error kind for a request that got no answer. */
    public static String failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return OutcomeKind.error(cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? WireJson.MAPPER.createObjectNode() : WireJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java 17's HttpClient cannot be closed: its selector thread ends once the client is unreachable. */
    @Override
    public void close() {
    }
}
