package com.hipoc.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.Command;
import com.hipoc.events.WireJson;

/** A workload command as the HTTP API takes it (API.md): its endpoint, and its body alone or in a batch. */
public final class CommandJson {
    private CommandJson() {
    }

    public static String path(Command c) {
        return switch (c.type) {
            case DEPOSIT -> "/v1/deposits";
            case WITHDRAWAL -> "/v1/withdrawals";
            case TRANSFER -> "/v1/transfers";
            case HOLD -> "/v1/holds";
            case CAPTURE -> "/v1/holds/" + c.holdTxId + "/capture";
            case RELEASE -> "/v1/holds/" + c.holdTxId + "/release";
            default -> throw new IllegalArgumentException("the workload sends no " + c.type);
        };
    }

    public static ObjectNode body(Command c) {
        ObjectNode json = WireJson.MAPPER.createObjectNode();
        json.put("txId", c.txId);
        if (c.counterparty != null) {
            json.put("from", c.account);
            json.put("to", c.counterparty);
        } else {
            json.put("account", c.account);
        }
        if (c.amount != null) {
            json.put("amount", c.amount);
        }
        if (c.currency != null) {
            json.put("currency", c.currency);
        }
        return json;
    }

    /** A batch item names its type, and capture and release name their hold in the body. */
    static ObjectNode batchItem(Command c) {
        ObjectNode json = body(c);
        json.put("type", c.type.wireName());
        if (c.holdTxId != null) {
            json.put("holdTxId", c.holdTxId);
        }
        return json;
    }
}
