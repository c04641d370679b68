package com.hipoc.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * models), and no balance changes. Rounds of requests at 500/s go until a round is fast, or the
 * JIT compilers have settled (on a busy machine a round stays slow long after they have), or
 * time is up.
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
    /**
     * So does a round in which the compilers took less than this share of the stack's CPU: they
     * take about half of it in the first minute, and a few percent once the request path is
     * compiled (BENCHMARKS.md, tenth session).
     */
    private static final double SETTLED_COMPILER_SHARE = 0.10;
    /** A progress line every this many rounds, so a long warm-up shows that it is moving. */
    private static final int REPORT_EVERY = 5;
    private static final int TIMEOUT_MS = 10_000;

    private final URI ingress;
    private final Progress progress;
    private final Duration limit;
    private final String run = UUID.randomUUID().toString();

    Warmup(String ingressUrl, Progress progress, Duration limit) {
        this.ingress = URI.create(ingressUrl);
        this.progress = progress;
        this.limit = limit;
    }

    /** Returns what it did, for the progress line. */
    String run() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        int rounds = 0;
        long p99;
        double compilerShare;
        try (KeepAliveHttp http = new KeepAliveHttp(ingress, TIMEOUT_MS)) {
            do {
                CompilerActivity.Ticks before = CompilerActivity.now();
                p99 = round(http, rounds++);
                compilerShare = CompilerActivity.now().shareSince(before);
                if (rounds % REPORT_EVERY == 0) {
                    progress.line(String.format("  warm-up round %d: p99 %d ms, JIT compilers %.0f%% of the stack's CPU",
                            rounds, p99, compilerShare * 100));
                }
            } while ((rounds < MIN_ROUNDS || (p99 > WARM_P99_MS && compilerShare >= SETTLED_COMPILER_SHARE))
                    && System.nanoTime() < deadline);
        }
        return String.format("%d requests in %.1f s, last round's p99 %d ms, JIT compilers %.0f%% of the stack's CPU",
                rounds * ROUND, (System.nanoTime() - start) / 1e9, p99, compilerShare * 100);
    }

    /** One round of requests, one every {@link #EVERY_NANOS}; its 99th percentile in ms. */
    private long round(KeepAliveHttp http, int number) throws InterruptedException {
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
            inFlight.add(http.send("POST", "/v1/withdrawals", withdrawal(number * ROUND + i))
                    .handle((response, error) -> millis[slot] = (System.nanoTime() - due) / 1_000_000));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Arrays.sort(millis);
        return millis[ROUND * 99 / 100];
    }

    private byte[] withdrawal(int n) {
        String account = "warmup-" + run + "-" + (n % ACCOUNTS);
        return ("{\"txId\":\"warmup-" + run + "-" + n + "\",\"account\":\"" + account
                + "\",\"amount\":1,\"currency\":\"EUR\"}").getBytes(StandardCharsets.UTF_8);
    }
}
