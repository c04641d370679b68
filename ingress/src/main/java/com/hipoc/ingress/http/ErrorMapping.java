package com.hipoc.ingress.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Turns every failure into a problem answer; a read store that is down is a 503. Javalin's own refusals (unknown route, wrong
 * method, body over the limit) arrive as HttpResponseException; anything unexpected is logged
 * here with its stack trace and answered without one.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> e.problem().answer().writeTo(ctx));
        routes.exception(HttpResponseException.class,
                (e, ctx) -> Problem.forStatus(e.getStatus(), e.getMessage()).answer().writeTo(ctx));
        routes.exception(SQLException.class, (e, ctx) -> {
            LOG.warn("MySQL read failed on {}: {}", ctx.path(), e.getMessage());
            Problem.unavailable("the history store is unavailable; retry shortly").answer().writeTo(ctx);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            Problem.forStatus(500, null).answer().writeTo(ctx);
        });
    }
}
