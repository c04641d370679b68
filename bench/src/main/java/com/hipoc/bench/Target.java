package com.hipoc.bench;

import com.hipoc.events.Command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where the load goes: one request carries {@link #commandsPerRequest()} commands. */
interface Target extends AutoCloseable {
    String describe();

    int commandsPerRequest();

    /** Completes with one {@link OutcomeKind} per command, in order; never completes exceptionally. */
    CompletableFuture<List<String>> send(List<Command> commands);

    @Override
    void close();
}
