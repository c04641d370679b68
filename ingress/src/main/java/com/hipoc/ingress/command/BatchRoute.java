package com.hipoc.ingress.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.ingress.http.Answer;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;
import com.hipoc.ingress.http.RequestArrival;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST /v1/batch}: {@code {commands: [{type, ...body}, ...]}}, up to 1000, validated as a
 * whole (one invalid command answers 400 naming its index, and nothing is written), then
 * produced together. The answer is 200 {@code {outcomes: [...]}}, one per command in order,
 * each the body its single endpoint would have answered: an outcome, an ACCEPTED receipt, or a
 * problem (a rejection, whose {@code status} is 409 or 422 and {@code outcomeStatus} REJECTED
 * or FAILED, or a 503 for a command the log did not take). 503 for the whole batch when the log
 * took none of them. Not atomic, as API.md says.
 */
public final class BatchRoute {
    public static final String PATH = "/v1/batch";
    static final int MAX_COMMANDS = 1000;

    private final CommandDispatcher dispatcher;
    private final long defaultWaitMs;
    private final Executor answering;

    public BatchRoute(CommandDispatcher dispatcher, long defaultWaitMs, Executor answering) {
        this.dispatcher = dispatcher;
        this.defaultWaitMs = defaultWaitMs;
        this.answering = answering;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::handle);
    }

    private void handle(Context ctx) {
        JsonNode body = Json.objectBody(ctx);
        long waitMs = WaitParameter.of(ctx, defaultWaitMs);
        List<Command> commands = commands(body.get("commands"));
        List<CompletableFuture<Reply>> replies = dispatcher.dispatch(commands, waitMs, RequestArrival.nanos(ctx));
        ctx.future(() -> CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenAcceptAsync(done -> answer(replies).writeTo(ctx), answering));
    }

    private static List<Command> commands(JsonNode items) {
        if (items == null || !items.isArray()) {
            throw RequestValidator.invalid("commands must be an array of commands");
        }
        if (items.size() > MAX_COMMANDS) {
            throw RequestValidator.invalid("a batch holds at most " + MAX_COMMANDS + " commands");
        }
        List<Command> commands = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                commands.add(command(items.get(i)));
            } catch (ProblemException e) {
                throw RequestValidator.invalid("commands[" + i + "]: " + e.problem().detail());
            }
        }
        return commands;
    }

    private static Command command(JsonNode item) {
        if (!item.isObject()) {
            throw RequestValidator.invalid("a command must be a JSON object");
        }
        JsonNode typeName = item.get("type");
        CommandType type = typeName != null && typeName.isTextual() ? CommandType.fromClientName(typeName.textValue()) : null;
        if (type == null) {
            throw RequestValidator.invalid("type must be one of open, deposit, withdrawal, transfer, hold, capture,"
                    + " release, freeze, unfreeze, close");
        }
        return RequestValidator.command(type, item, Map.of());
    }

    private static Answer answer(List<CompletableFuture<Reply>> replies) {
        ArrayNode outcomes = Json.MAPPER.createArrayNode();
        boolean anyTaken = replies.isEmpty();
        for (CompletableFuture<Reply> future : replies) {
            Reply reply = future.join();
            anyTaken |= reply.taken();
            outcomes.add(OutcomeAnswers.of(reply).body());
        }
        if (!anyTaken) {
            return Problem.unavailable("the log did not take the commands in time; nothing was written; safe to retry").answer();
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("outcomes", outcomes);
        return Answer.json(200, json);
    }
}
