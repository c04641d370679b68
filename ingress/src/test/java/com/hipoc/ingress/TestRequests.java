package com.hipoc.ingress;

import java.util.UUID;

/** Test support: request bodies as API.md shapes them, and ids no other test run has used. */
final class TestRequests {
    private TestRequests() {
    }

    /** Unique per call, so a test never meets a txId or account another test decided. */
    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The body of a deposit, a withdrawal or a hold. */
    static String money(String txId, String account, long amount) {
        return "{\"txId\":\"" + txId + "\",\"account\":\"" + account + "\",\"amount\":" + amount + ",\"currency\":\"USD\"}";
    }

    static String transfer(String txId, String from, String to, long amount) {
        return "{\"txId\":\"" + txId + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":" + amount
                + ",\"currency\":\"USD\"}";
    }

    /** A single endpoint's body as an item of {@code POST /v1/batch}. */
    static String batchItem(String type, String body) {
        return "{\"type\":\"" + type + "\"," + body.substring(1);
    }
}
