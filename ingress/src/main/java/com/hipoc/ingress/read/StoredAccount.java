package com.hipoc.ingress.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.AccountView;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.Timestamps;

/** An account as a read model holds it; rendered as API.md's account object plus updatedAt. */
record StoredAccount(String account, String currency, long balance, long held, long overdraftLimit,
                       String status, long version, long updatedAt) {

    long available() {
        return AccountView.available(balance, held, overdraftLimit);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("account", account);
        json.put("currency", currency);
        json.put("balance", balance);
        json.put("held", held);
        json.put("available", available());
        json.put("version", version);
        json.put("status", status);
        json.put("updatedAt", Timestamps.format(updatedAt));
        return json;
    }
}
