package com.hipoc.ingress.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Locale;

/**
 * JSON in and out of HTTP. Parsing is strict: a duplicated key or trailing garbage could make
 * two readers of one signed body see different requests, so both are rejected.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The body of a POST as a JSON object: 415 unless it is declared JSON, 400 unless it is one. */
    public static JsonNode objectBody(Context ctx) {
        if (!isJson(ctx.header("Content-Type"))) {
            throw new ProblemException(Problem.unsupportedMediaType());
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalid("body is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ProblemException(Problem.invalid("body could not be read"));
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(Problem.invalid("body must be a JSON object"));
        }
        return node;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
