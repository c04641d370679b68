package com.hipoc.ingress.http;

import com.hipoc.config.HipocConfig;
import io.javalin.config.JettyConfig;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What keeps slow, stalled or too many clients from taking the HTTP server down (issue #8).
 * <ul>
 * <li>A connection silent for {@code HTTP_IDLE_TIMEOUT_MS} is closed, whether it stalls in its
 *     headers, its body or between requests.</li>
 * <li>At most {@code HTTP_MAX_CONNECTIONS} connections: past it Jetty stops accepting (new
 *     clients wait in the kernel's accept queue) and closes connections idle for a second, so a flood
 *     of idle connections cannot lock real clients out for a whole idle timeout.</li>
 * <li>A request body is read without a thread until it is complete (or larger than any single
 *     command): Javalin reads bodies blocking, and without this a few hundred clients sending
 *     half a body would hold every thread of the pool until their idle timeout.</li>
 * </ul>
 */
public final class ClientLimits {
    /** Far above any single command, so only a large batch is read by a blocking thread. */
    static final long EAGER_BODY_BYTES = 64 * 1024;
    static final long IDLE_AT_LIMIT_MS = 1000;
    /**
     * The kernel caps it at net.core.somaxconn (4096 on current Linux). A burst past the limit
     * then waits, connected, for a free slot and is taken in turn. A shorter queue drops the
     * rest of the burst's handshakes: a client waits out TCP's SYN backoff (1, 3, 7 s) and may
     * time out connecting, and a silent one can believe itself connected to a server that never
     * knew of it. A queued connection costs the ingress no thread and no descriptor.
     */
    static final int ACCEPT_QUEUE = 65535;

    private ClientLimits() {
    }

    public static void apply(JettyConfig jetty, HipocConfig config) {
        jetty.addConnector((server, http) -> connector(server, http, config));
        jetty.modifyServer(server -> server.setHandler(new EagerContentHandler(new BodyLoaders())));
    }

    /**
     * Jetty's retained-content loader, reading through {@link IdleEndsBody}. Larger bodies go on
     * to Javalin (reject=false), whose body read stops at maxRequestSize, Content-Length or not,
     * and answers 413 as a problem; Jetty's own 413 would be an HTML page.
     */
    private static final class BodyLoaders implements EagerContentHandler.ContentLoaderFactory {
        @Override
        public String getApplicableMimeType() {
            return null;
        }

        @Override
        public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
                                                                  Request request, Response response, Callback callback) {
            return new EagerContentHandler.RetainedContentLoaderFactory.RetainedContentLoader(
                    handler, new IdleEndsBody(request), response, callback, EAGER_BODY_BYTES, -1, false);
        }
    }

    /**
     * An idle timeout while a body is awaited arrives as a transient failure, which the retained
     * loader keeps waiting past: a client stalled halfway through its body was then never
     * dropped. Here it ends the body, so the request fails (400) and the connection closes.
     */
    private static final class IdleEndsBody extends Request.Wrapper {
        IdleEndsBody(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            return Content.Chunk.isFailure(chunk, false) ? Content.Chunk.from(chunk.getFailure(), true) : chunk;
        }
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, HipocConfig config) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.ingress().httpHost());
        connector.setPort(config.ingress().httpPort());
        connector.setIdleTimeout(config.ingress().idleTimeoutMs());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(config.ingress().maxConnections(), connector);
        limit.setEndPointIdleTimeout(Math.min(IDLE_AT_LIMIT_MS, config.ingress().idleTimeoutMs()));
        server.addBean(limit);
        return connector;
    }
}
