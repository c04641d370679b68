package com.hipoc.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.bench.CommandJson;
import com.hipoc.bench.IngressHttp;
import com.hipoc.events.Command;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client that keeps at one command until it has a definite answer, as API.md allows: a 503,
 * a lost connection or a timeout is retried with the same txId and the same body, with backoff.
 * A 202 means the log has the command: the client then reads the outcome from the 202's
 * {@code Location}, since sending it again would only queue a duplicate behind the backlog a
 * fault leaves (and a transfer's retry answers PENDING until its destination has decided).
 */
final class RetryingSender implements AutoCloseable {
    static final Set<String> DEFINITE = Set.of("APPLIED", "REJECTED", "COMPLETED", "FAILED");
    /** The answer to a retry that was not identical: a failure of the client, and of the run. */
    static final String CONFLICT = "IDEMPOTENCY_CONFLICT";
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_RESEND_MS = 2_000;
    /**
     * After a fault thousands of commands wait at once; reading each every 2 s took all of the
     * ingress's MySQL connections (its answers then lagged minutes). A 202 already means the
     * command is in the log, so its reads can wait longer than a resend.
     */
    private static final long MAX_POLL_MS = 15_000;

    private final IngressHttp http;
    private final ScheduledExecutorService backoff = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-backoff");
        t.setDaemon(true);
        return t;
    });

    RetryingSender(IngressHttp http) {
        this.http = http;
    }

    /**
     * Completes with the decided status ({@link #DEFINITE}), {@link #CONFLICT}, or
     * {@code UNEXPECTED-<http status>} for an answer no retry can change (a 400).
     * {@code retried} hears why each attempt that decided nothing was retried.
     */
    CompletableFuture<String> send(Command command, Consumer<String> retried) {
        CompletableFuture<String> decided = new CompletableFuture<>();
        post(CommandJson.path(command), CommandJson.body(command), 0, retried, decided);
        return decided;
    }

    private void post(String path, ObjectNode body, int attempt, Consumer<String> retried, CompletableFuture<String> decided) {
        http.post(path, body).whenComplete((answer, error) -> {
            if (error != null) {
                again(attempt, MAX_RESEND_MS, IngressHttp.failure(error), retried, () -> post(path, body, attempt + 1, retried, decided));
                return;
            }
            String status = IngressHttp.outcomeStatus(answer.body());
            if (answer.status() == 409) {
                decided.complete(CONFLICT);
            } else if (DEFINITE.contains(status)) {
                decided.complete(status);
            } else if (answer.status() == 202) {
                again(attempt, MAX_POLL_MS, "202-" + status, retried, () -> poll(body.path("txId").asText(), attempt + 1, retried, decided));
            } else if (answer.status() == 400) {
                decided.complete("UNEXPECTED-400 " + answer.body().path("detail").asText());
            } else {
                again(attempt, MAX_RESEND_MS, reason(answer.status(), answer.body()), retried, () -> post(path, body, attempt + 1, retried, decided));
            }
        });
    }

    /** Reads the transaction until it is final; a 404 (not in MySQL yet) or a 503 (MySQL down) is read again. */
    private void poll(String txId, int attempt, Consumer<String> retried, CompletableFuture<String> decided) {
        http.get("/v1/transactions/" + txId).whenComplete((answer, error) -> {
            String status = error == null ? IngressHttp.outcomeStatus(answer.body()) : "";
            if (error == null && answer.status() == 200 && DEFINITE.contains(status)) {
                decided.complete(status);
            } else {
                String why = error != null ? IngressHttp.failure(error) : "poll-" + reason(answer.status(), answer.body());
                again(attempt, MAX_POLL_MS, why, retried, () -> poll(txId, attempt + 1, retried, decided));
            }
        });
    }

    private static String reason(int httpStatus, JsonNode body) {
        String what = body.path("code").asText(IngressHttp.outcomeStatus(body));
        return what.isEmpty() ? Integer.toString(httpStatus) : httpStatus + "-" + what;
    }

    /** Commands failed together by one fault would otherwise come back together: half of each delay is random. */
    private void again(int attempt, long maxMs, String why, Consumer<String> retried, Runnable retry) {
        retried.accept(why);
        long delay = Math.min(maxMs, FIRST_BACKOFF_MS << Math.min(attempt, 10));
        backoff.schedule(retry, delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        backoff.shutdownNow();
    }
}
