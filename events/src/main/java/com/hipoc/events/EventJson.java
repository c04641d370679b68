package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of {@code balance.events}. Like {@link WireJson}, but an outcome is shown as the
 * client saw it, without where its reply was routed: that is the ingress's business, not part of
 * the public stream, and would make two replays of one decision differ.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = WireJson.MAPPER.copy().addMixIn(Outcome.class, PublicOutcome.class);

    private EventJson() {
    }

    public static byte[] encode(BalanceEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the bytes are not an event */
    public static BalanceEvent decode(byte[] bytes) throws IOException {
        return MAPPER.readValue(bytes, BalanceEvent.class);
    }

    @JsonIgnoreProperties({"replyPartition", "requestId", "replayed"})
    private abstract static class PublicOutcome {
    }
}
