package com.hipoc.ingress.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.ingress.http.Answer;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.RequestArrival;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * API.md's single-command endpoints. Each answers asynchronously: the HTTP thread is free while
 * the command travels through Kafka and the engine.
 */
public final class CommandRoutes {
    /** Path to the command it takes; path parameters name the account or hold it is about. */
    static final Map<String, CommandType> ROUTES = routes();

    private final CommandDispatcher dispatcher;
    private final long defaultWaitMs;
    private final Executor answering;
    private final StageTimers stageTimers;

    /** @param answering where answers are written, so a slow client never holds a Kafka thread */
    public CommandRoutes(CommandDispatcher dispatcher, long defaultWaitMs, Executor answering, StageTimers stageTimers) {
        this.dispatcher = dispatcher;
        this.defaultWaitMs = defaultWaitMs;
        this.answering = answering;
        this.stageTimers = stageTimers;
    }

    private static Map<String, CommandType> routes() {
        Map<String, CommandType> routes = new LinkedHashMap<>();
        routes.put("/v1/accounts", CommandType.OPEN);
        routes.put("/v1/deposits", CommandType.DEPOSIT);
        routes.put("/v1/withdrawals", CommandType.WITHDRAWAL);
        routes.put("/v1/transfers", CommandType.TRANSFER);
        routes.put("/v1/holds", CommandType.HOLD);
        routes.put("/v1/holds/{holdTxId}/capture", CommandType.CAPTURE);
        routes.put("/v1/holds/{holdTxId}/release", CommandType.RELEASE);
        routes.put("/v1/accounts/{account}/freeze", CommandType.FREEZE);
        routes.put("/v1/accounts/{account}/unfreeze", CommandType.UNFREEZE);
        routes.put("/v1/accounts/{account}/close", CommandType.CLOSE);
        return Map.copyOf(routes);
    }

    public void register(RoutesConfig routes) {
        ROUTES.forEach((path, type) -> routes.post(path, ctx -> handle(ctx, type)));
    }

    private void handle(Context ctx, CommandType type) {
        JsonNode body = Json.objectBody(ctx);
        long waitMs = WaitParameter.of(ctx, defaultWaitMs);
        Command command = RequestValidator.command(type, body, ctx.pathParamMap());
        CompletableFuture<Reply> reply = dispatcher.dispatch(List.of(command), waitMs, RequestArrival.nanos(ctx)).get(0);
        ctx.future(() -> reply.thenAcceptAsync(r -> answer(r).writeTo(ctx), answering));
    }

    private Answer answer(Reply reply) {
        Answer answer = OutcomeAnswers.of(reply);
        return reply.stages() == null ? answer : answer.withHeader(StageTimers.HEADER, stageTimers.record(reply.stages()));
    }
}
