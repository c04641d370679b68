package com.hipoc.bench;

import com.hipoc.events.Command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where the load goes: one request carries {@link #commandsPerRequest()} commands. */
interface Target extends AutoCloseable {
    String describe();

    int commandsPerRequest();

    /** Completes with one {@link OutcomeKind} per command, in order; never completes exceptionally. */
    CompletableFuture<List<String>> send(List<Command> commands);

    /**
     * Where the requests' time went since the last call, stage to percentiles in milliseconds, as
     * the ingress reports it per answer; empty for a target that reports none.
     */
    default Map<String, Map<String, Double>> takeStageLatencies() {
        return Map.of();
    }

    @Override
    void close();
}
