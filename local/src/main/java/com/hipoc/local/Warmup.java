package com.hipoc.local;

import com.hipoc.events.WireJson;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Runs commands through the whole stack before it is called ready, so the first client is not
 * the one who waits for sources to take their partitions, JIT compilers, connections and caches
 * (right after start, single requests took seconds). The commands take the paths a client's do:
 * the warm-up opens accounts of its own ({@code warmup-<random UUID>-<n>}, new each start), moves
 * money into and out of them, and sends withdrawals from accounts nobody opened (rejected
 * ACCOUNT_NOT_FOUND); at the end it empties and closes its accounts, so what it leaves is closed
 * accounts at zero and their history. Rejections alone left the accepted path cold (the
 * account's state, ledger entries, Redis), and the first client's requests paid for compiling it.
 * Rounds of requests at 500/s go until a round is fast, or the JIT compilers have settled (on a
 * busy machine a round stays slow long after they have), or time is up.
 */
public final class Warmup {
    /** Every account and txId of a warm-up starts so: a check of what a client did leaves them out. */
    public static final String NAME_PREFIX = "warmup-";

    /** Enough accounts that every partition of balance.commands gets some (keys hash at random). */
    private static final int ACCOUNTS = 64;
    /** Each account in turn: a deposit, a withdrawal of it, a withdrawal from an account nobody opened. */
    private static final int KINDS = 3;
    /** Withdrawals of 1 that empty an account: more than a reordered deposit or two can leave. */
    private static final int MAX_EMPTYING = 8;
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
    private static final String CURRENCY = "EUR";

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
            forEachAccount(n -> http.send("POST", "/v1/accounts",
                    WireJson.encode(Map.of("txId", named("open-" + n), "account", named(n), "currency", CURRENCY))));
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
            forEachAccount(n -> empty(http, n, 0).thenCompose(emptied -> http.send("POST",
                    "/v1/accounts/" + named(n) + "/close", WireJson.encode(Map.of("txId", named("close-" + n))))));
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
            inFlight.add(command(http, number * ROUND + i)
                    .handle((response, error) -> millis[slot] = (System.nanoTime() - due) / 1_000_000));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Arrays.sort(millis);
        return millis[ROUND * 99 / 100];
    }

    /** Request {@code n}: its account {@code n % ACCOUNTS}, its kind by the pass over them. */
    private CompletableFuture<KeepAliveHttp.Response> command(KeepAliveHttp http, int n) {
        int account = n % ACCOUNTS;
        int kind = n / ACCOUNTS % KINDS;
        String path = kind == 0 ? "/v1/deposits" : "/v1/withdrawals";
        return http.send("POST", path, money(named(n), named(kind == 2 ? "unopened-" + account : account)));
    }

    /**
     * Withdraws 1 until it is refused (nothing left) or the requests fail. A 202 (taken, not
     * decided within the wait) goes on too: the next withdrawal is decided after it.
     */
    private CompletableFuture<?> empty(KeepAliveHttp http, int account, int withdrawn) {
        return http.send("POST", "/v1/withdrawals", money(named("empty-" + account + "-" + withdrawn), named(account)))
                .handle((response, error) -> response != null && response.status() / 100 == 2 && withdrawn < MAX_EMPTYING)
                .thenCompose(more -> more ? empty(http, account, withdrawn + 1) : CompletableFuture.completedFuture(null));
    }

    /** Runs {@code step} for every account at once and waits for all; a step that fails is left so: this only warms. */
    private static void forEachAccount(IntFunction<CompletableFuture<?>> step) {
        CompletableFuture<?>[] steps = new CompletableFuture<?>[ACCOUNTS];
        for (int n = 0; n < ACCOUNTS; n++) {
            steps[n] = step.apply(n).handle((result, error) -> null);
        }
        CompletableFuture.allOf(steps).join();
    }

    /** An account or txId of this warm-up's own. */
    private String named(Object n) {
        return NAME_PREFIX + run + "-" + n;
    }

    private static byte[] money(String txId, String account) {
        return WireJson.encode(Map.of("txId", txId, "account", account, "amount", 1, "currency", CURRENCY));
    }
}
