package com.hipoc.ingress.read;

import com.hipoc.ingress.http.Answer;
import com.hipoc.ingress.http.Identifiers;
import com.hipoc.ingress.http.OutcomeJson;
import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;
import com.hipoc.ingress.http.Timestamps;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import redis.clients.jedis.UnifiedJedis;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;

/**
 * API.md's reads. They block on Redis or MySQL, which answer in well under a millisecond on a
 * healthy store; a store that is down answers 503 (see ErrorMapping), and so does a read past
 * {@link #MAX_READS_IN_FLIGHT} (see ReadGate).
 */
public final class ReadRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Twice the MySQL pool: more reads at once would only queue for a connection. */
    static final int MAX_READS_IN_FLIGHT = 32;

    private final AccountReader accounts;
    private final HistoryReader history;
    private final Clock clock;
    private final ReadGate gate = new ReadGate(MAX_READS_IN_FLIGHT);

    public ReadRoutes(UnifiedJedis redis, DataSource db, Clock clock) {
        this.accounts = new AccountReader(redis, db);
        this.history = new HistoryReader(db);
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/accounts/{account}", gate.guard(this::account));
        routes.get("/v1/accounts/{account}/entries", gate.guard(this::entries));
        routes.get("/v1/accounts/{account}/balance", gate.guard(this::balance));
        routes.get("/v1/transactions/{txId}", gate.guard(this::transaction));
    }

    private void account(Context ctx) throws Exception {
        String account = account(ctx.pathParam("account"));
        StoredAccount snapshot = accounts.find(account).orElseThrow(() -> accountNotFound(account));
        Answer.json(200, snapshot.toJson()).writeTo(ctx);
    }

    /** Every existing account has at least its opening entry, so a first page that is empty means no account. */
    private void entries(Context ctx) throws Exception {
        String account = account(ctx.pathParam("account"));
        int limit = (int) positive(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT);
        String beforeParam = ctx.queryParam("before");
        long before = positive(ctx, "before", Long.MAX_VALUE, Long.MAX_VALUE);
        var page = history.entries(account, before, limit);
        if (beforeParam == null && page.get("entries").isEmpty()) {
            throw accountNotFound(account);
        }
        Answer.json(200, page).writeTo(ctx);
    }

    private void balance(Context ctx) throws Exception {
        String account = account(ctx.pathParam("account"));
        String atParam = ctx.queryParam("at");
        Instant at = atParam == null ? clock.instant() : Timestamps.parse("at", atParam);
        Answer.json(200, history.balanceAt(account, at).orElseThrow(() -> accountNotFound(account))).writeTo(ctx);
    }

    private void transaction(Context ctx) throws Exception {
        String txId = Identifiers.identifier("txId", ctx.pathParam("txId"));
        var outcome = history.outcome(txId).orElseThrow(() -> new ProblemException(
                Problem.notFound("TRANSACTION_NOT_FOUND", "no transaction " + txId + " is recorded (yet)")));
        Answer.json(200, OutcomeJson.body(outcome)).writeTo(ctx);
    }

    private static String account(String value) {
        return Identifiers.identifier("account", value);
    }

    private static ProblemException accountNotFound(String account) {
        return new ProblemException(Problem.notFound("ACCOUNT_NOT_FOUND", "no account " + account));
    }

    private static long positive(Context ctx, String name, long fallback, long max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        if (value.matches("[0-9]{1,19}")) {
            try {
                long n = Long.parseLong(value);
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // beyond Long.MAX_VALUE: refused below like any other bad value
            }
        }
        throw new ProblemException(Problem.invalid(name + " must be an integer from 1 to " + max));
    }
}
