package com.hipoc.ingress.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.Outcome;

/** An outcome as API.md shows it, in a command's answer and in a transaction read alike. */
public final class OutcomeJson {
    private OutcomeJson() {
    }

    /** acceptedAt as ISO-8601, no wire-only fields. */
    public static ObjectNode body(Outcome outcome) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("txId", outcome.txId);
        json.put("type", outcome.type == null ? null : outcome.type.wireName());
        json.put("status", outcome.status.name());
        if (outcome.reason != null) {
            json.put("reason", outcome.reason.name());
        }
        if (outcome.account != null) {
            json.set("account", Json.MAPPER.valueToTree(outcome.account));
        }
        json.put("acceptedAt", Timestamps.format(outcome.acceptedAt));
        return json;
    }
}
