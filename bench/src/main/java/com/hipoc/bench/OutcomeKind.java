package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one command, as one short string counted in the report: a decision
 * ({@code APPLIED}, {@code REJECTED:INSUFFICIENT_FUNDS}, ...) or a failure to get one
 * ({@code error:...}): a non-decision answer, a late answer (202), a timeout, an I/O failure.
 */
final class OutcomeKind {
    private static final String ERROR = "error:";

    private OutcomeKind() {
    }

    static String decision(String status, String reason) {
        return reason == null || reason.isEmpty() ? status : status + ":" + reason;
    }

    static String error(String what) {
        return ERROR + what;
    }

    static boolean isError(String kind) {
        return kind.startsWith(ERROR);
    }

    /** One outcome body as the ingress answers it (API.md), alone or inside a batch answer. */
    static String ofAnswer(int httpStatus, JsonNode body) {
        String status = IngressHttp.outcomeStatus(body);
        return switch (status) {
            case "APPLIED", "COMPLETED", "REJECTED", "FAILED" -> decision(status, body.path("reason").asText(""));
            case "" -> error(httpStatus + "-" + body.path("code").asText("no-outcome"));
            default -> error("late-" + status);
        };
    }
}
