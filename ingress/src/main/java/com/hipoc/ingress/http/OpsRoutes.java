package com.hipoc.ingress.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/** Liveness, readiness, Prometheus metrics and the OpenAPI document. */
public final class OpsRoutes {
    public static final String OPENAPI_RESOURCE = "/com/hipoc/ingress/openapi.json";

    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics) {
        this.ready = ready;
        this.metrics = metrics;
        this.openApi = openApiDocument();
    }

    public static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer status(String status) {
        return Answer.json(200, Json.MAPPER.createObjectNode().put("status", status));
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> status("UP").writeTo(ctx));
        routes.get("/readyz", ctx -> {
            if (!ready.getAsBoolean()) {
                throw new ProblemException(Problem.unavailable("Kafka producer or reply consumer not ready yet"));
            }
            status("READY").writeTo(ctx);
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }
}
