package com.hipoc.bench;

import com.hipoc.events.Command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One command per HTTP request, to its own endpoint, waiting for the engine's outcome (API.md). */
final class HttpTarget implements Target {
    private final IngressHttp http;
    private volatile StageLatencies stages = new StageLatencies();

    HttpTarget(String baseUrl) {
        this.http = new IngressHttp(baseUrl);
    }

    @Override
    public String describe() {
        return "HTTP, one command per request";
    }

    @Override
    public int commandsPerRequest() {
        return 1;
    }

    @Override
    public CompletableFuture<List<String>> send(List<Command> commands) {
        Command c = commands.get(0);
        long handedNanos = System.nanoTime();
        return http.post(CommandJson.path(c), CommandJson.body(c))
                .handle((answer, error) -> {
                    if (error != null) {
                        return List.of(IngressHttp.failure(error));
                    }
                    stages.record(answer.serverTiming(), System.nanoTime() - handedNanos);
                    return List.of(OutcomeKind.ofAnswer(answer.status(), answer.body()));
                });
    }

    @Override
    public Map<String, Map<String, Double>> takeStageLatencies() {
        Map<String, Map<String, Double>> taken = stages.percentiles();
        stages = new StageLatencies();
        return taken;
    }

    @Override
    public void close() {
        http.close();
    }
}
