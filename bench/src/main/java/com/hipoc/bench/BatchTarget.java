package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.Command;
import com.hipoc.events.WireJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code POST /v1/batch}: many commands per request, one outcome each, in order. */
final class BatchTarget implements Target {
    private final IngressHttp http;
    private final int batchSize;

    BatchTarget(String baseUrl, int batchSize) {
        this.http = new IngressHttp(baseUrl);
        this.batchSize = batchSize;
    }

    @Override
    public String describe() {
        return "HTTP /v1/batch, " + batchSize + " commands per request";
    }

    @Override
    public int commandsPerRequest() {
        return batchSize;
    }

    @Override
    public CompletableFuture<List<String>> send(List<Command> commands) {
        ObjectNode body = WireJson.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("commands");
        commands.forEach(c -> items.add(CommandJson.batchItem(c)));
        return http.post("/v1/batch", body).handle((answer, error) -> error != null
                ? Collections.nCopies(commands.size(), IngressHttp.failure(error))
                : kinds(answer, commands.size()));
    }

    private static List<String> kinds(IngressHttp.Answer answer, int count) {
        JsonNode outcomes = answer.body().path("outcomes");
        if (answer.status() != 200 || outcomes.size() != count) {
            // The whole batch was refused (503, 400): every command in it failed the same way.
            return Collections.nCopies(count, OutcomeKind.ofAnswer(answer.status(), answer.body()));
        }
        List<String> kinds = new ArrayList<>(count);
        outcomes.forEach(o -> kinds.add(OutcomeKind.ofAnswer(answer.status(), o)));
        return kinds;
    }

    @Override
    public void close() {
        http.close();
    }
}
