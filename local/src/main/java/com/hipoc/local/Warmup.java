package com.hipoc.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs commands through the whole stack before it is called ready, so the first client is not
 * the one who waits for sources to take their partitions, JIT compilers, connections and caches
 * (right after start, single requests took seconds). They are withdrawals from accounts that
 * nobody can have opened (a random UUID each start): each is rejected with ACCOUNT_NOT_FOUND
 * after travelling the same way as any command (ingress, log, engine, outcome, events, read
 * models), and no balance changes. Rounds of requests at 500/s go until a round is fast or time is up.
 */
final class Warmup {
    /** Enough accounts that every partition of balance.commands gets some (keys hash at random). */
    private static final int ACCOUNTS = 64;
    /** Paced like a client's traffic, not as fast as possible: a round's latency is then not queueing. */
    private static final long EVERY_NANOS = 2_000_000;
    private static final int ROUND = 1_000;
    private static final int MIN_ROUNDS = 3;
    /** A round whose 99th percentile is under this counts as warm. */
    private static final long WARM_P99_MS = 25;
    private static final Duration LIMIT = Duration.ofSeconds(45);

    private final String ingressUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = UUID.randomUUID().toString();

    Warmup(String ingressUrl) {
        this.ingressUrl = ingressUrl;
    }

    /** Returns what it did, for the progress line. */
    String run() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + LIMIT.toNanos();
        int rounds = 0;
        long p99;
        do {
            p99 = round(rounds++);
        } while ((rounds < MIN_ROUNDS || p99 > WARM_P99_MS) && System.nanoTime() < deadline);
        return String.format("%d requests in %.1f s, last round's p99 %d ms", rounds * ROUND,
                (System.nanoTime() - start) / 1e9, p99);
    }

    /** One round of requests, one every {@link #EVERY_NANOS}; its 99th percentile in ms. */
    private long round(int number) throws InterruptedException {
        long[] millis = new long[ROUND];
        List<CompletableFuture<?>> inFlight = new ArrayList<>(ROUND);
        long start = System.nanoTime();
        for (int i = 0; i < ROUND; i++) {
            long due = start + i * EVERY_NANOS;
            long early = due - System.nanoTime();
            if (early > 0) {
                Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
            }
            int slot = i;
            inFlight.add(http.sendAsync(withdrawal(number * ROUND + i), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> millis[slot] = (System.nanoTime() - due) / 1_000_000));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Arrays.sort(millis);
        return millis[ROUND * 99 / 100];
    }

    private HttpRequest withdrawal(int n) {
        String account = "warmup-" + run + "-" + (n % ACCOUNTS);
        String body = "{\"txId\":\"warmup-" + run + "-" + n + "\",\"account\":\"" + account
                + "\",\"amount\":1,\"currency\":\"EUR\"}";
        return HttpRequest.newBuilder(URI.create(ingressUrl + "/v1/withdrawals"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
