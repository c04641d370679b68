package com.hipoc.ingress.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every request by route template (not raw path, which would make one series per
 * account), method and status, with a latency histogram. Runs as Javalin's request logger,
 * which is called after an asynchronous answer has been written.
 */
public final class HttpMetrics implements RequestLogger {
    private final MeterRegistry registry;
    /** Building and registering a timer per request cost more than recording into it: one per series. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String method = ctx.method().name();
        String route = endpoint == null ? "UNMATCHED" : endpoint.path;
        String status = Integer.toString(ctx.statusCode());
        timers.computeIfAbsent(method + " " + route + " " + status, series -> Timer.builder("http.server.requests")
                        .tag("method", method)
                        .tag("route", route)
                        .tag("status", status)
                        .publishPercentileHistogram()
                        .maximumExpectedValue(Duration.ofSeconds(35))
                        .register(registry))
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000)));
    }
}
