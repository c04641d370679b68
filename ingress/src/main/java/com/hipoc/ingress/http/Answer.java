package com.hipoc.ingress.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer as data, so a batch can embed the body a single request would have had. */
public record Answer(int status, String contentType, Map<String, String> headers, JsonNode body) {
    public static Answer json(int status, JsonNode body) {
        return new Answer(status, "application/json", Map.of(), body);
    }

    public static Answer problem(int status, JsonNode body) {
        return new Answer(status, Problem.CONTENT_TYPE, Map.of(), body);
    }

    public Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, contentType, more, body);
    }

    public void writeTo(Context ctx) {
        ctx.status(status).contentType(contentType);
        headers.forEach(ctx::header);
        ctx.result(Json.bytes(body));
    }
}
