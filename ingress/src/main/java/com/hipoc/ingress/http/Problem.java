package com.hipoc.ingress.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * An RFC 9457 problem with API.md's stable {@code code}. Every error the ingress answers,
 * except a balance rule's rejection (which answers the outcome itself), is one of these.
 */
public record Problem(int status, String code, String title, String detail) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem invalid(String detail) {
        return new Problem(400, "INVALID_REQUEST", "Invalid request", detail);
    }

    public static Problem unauthenticated(String detail) {
        return new Problem(401, "UNAUTHENTICATED", "Unauthenticated", detail);
    }

    public static Problem notFound(String code, String detail) {
        return new Problem(404, code, "Not found", detail);
    }

    public static Problem unsupportedMediaType() {
        return new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                "a POST body must be sent as Content-Type: application/json");
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "UNAVAILABLE", "Unavailable", detail);
    }

    /** The problem for a status Javalin or Jetty decided on (unknown route, wrong method, body too large). */
    public static Problem forStatus(int status, String detail) {
        return switch (status) {
            case 400 -> invalid(detail);
            case 401 -> unauthenticated(detail);
            case 404 -> notFound("NOT_FOUND", detail);
            case 405 -> new Problem(405, "METHOD_NOT_ALLOWED", "Method not allowed", detail);
            case 413 -> new Problem(413, "PAYLOAD_TOO_LARGE", "Payload too large", detail);
            case 415 -> unsupportedMediaType();
            case 503 -> unavailable(detail);
            default -> status < 500
                    ? new Problem(status, "INVALID_REQUEST", "Invalid request", detail)
                    : new Problem(500, "INTERNAL", "Internal error", "the request could not be completed");
        };
    }

    /** A URN rather than a URL: the type must be stable and need not be dereferenceable. */
    public static String typeUri(String code) {
        return "urn:hipoc:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("type", typeUri(code));
        json.put("title", title);
        json.put("status", status);
        json.put("code", code);
        json.put("detail", detail);
        return json;
    }

    public Answer answer() {
        return Answer.problem(status, toJson());
    }
}
