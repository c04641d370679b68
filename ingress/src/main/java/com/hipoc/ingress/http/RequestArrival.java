package com.hipoc.ingress.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * When the ingress first saw a request: Jetty's {@code System.nanoTime()} as it began reading it,
 * before a thread was found for it and its body parsed. The latency budget's first stage starts
 * here, so time lost to a busy HTTP server is counted, not hidden before the handler runs.
 */
public final class RequestArrival {
    private RequestArrival() {
    }

    public static long nanos(Context ctx) {
        return ServletContextRequest.getServletContextRequest(ctx.req()).getBeginNanoTime();
    }
}
