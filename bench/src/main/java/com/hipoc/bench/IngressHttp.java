package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.events.WireJson;
import com.hipoc.local.KeepAliveHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asynchronous JSON POSTs to the ingress over HTTP/1.1 keep-alive connections. The driver bounds
 * the requests in flight, and with them the connections the client opens.
 */
public final class IngressHttp implements AutoCloseable {
    /** Longer than the ingress's own 2 s wait for an outcome, so a late answer comes back as 202, not as our timeout. */
    private static final int TIMEOUT_MS = 10_000;

    private final KeepAliveHttp http;

    public IngressHttp(String baseUrl) {
        this.http = new KeepAliveHttp(URI.create(baseUrl), TIMEOUT_MS);
    }

    /** @param serverTiming the answer's {@code Server-Timing} header, empty when it has none */
    public record Answer(int status, JsonNode body, String serverTiming) {
    }

    /** Completes with the answer, or fails with a short description of why there is none. */
    public CompletableFuture<Answer> post(String path, JsonNode body) {
        return answer(http.send("POST", path, WireJson.encode(body)));
    }

    /** A read, e.g. the {@code Location} of a 202: {@code /v1/transactions/{txId}}. */
    public CompletableFuture<Answer> get(String path) {
        return answer(http.send("GET", path, null));
    }

    private static CompletableFuture<Answer> answer(CompletableFuture<KeepAliveHttp.Response> response) {
        return response.thenApply(r -> new Answer(r.status(), parse(r.body()), r.serverTiming()));
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
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return OutcomeKind.error(cause instanceof SocketTimeoutException ? "timeout" : cause.getClass().getSimpleName());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? WireJson.MAPPER.createObjectNode() : WireJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
