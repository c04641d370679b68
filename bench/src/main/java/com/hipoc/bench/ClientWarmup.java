package com.hipoc.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Warms the load generator's own HTTP path (client, dispatcher, answer parsing, recording) before
 * an HTTP phase, against a responder inside this JVM, so that the generator's JIT is not counted
 * as the stack's latency and the stack sees none of it. On a warm stack at 200 requests/s, a cold
 * generator put the p99 of 20 s at 85-141 ms against 31-42 warm, its own {@code client} stage
 * making the difference (BENCHMARKS.md, twenty-eighth session). The responder answers every
 * request as the ingress answers an applied deposit, {@code Server-Timing} header included.
 */
final class ClientWarmup {
    /** Thousands of requests, as fast as the responder answers: enough for C1 to compile the client's path. */
    static final Duration LENGTH = Duration.ofSeconds(2);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** API.md's outcome of an applied deposit. */
    private static final byte[] ANSWER = ("{\"txId\":\"client-warmup\",\"type\":\"deposit\",\"status\":\"APPLIED\","
            + "\"account\":{\"account\":\"client-warmup\",\"currency\":\"USD\",\"balance\":10000000,\"held\":0,"
            + "\"available\":10000000,\"version\":2,\"status\":\"ACTIVE\"},\"acceptedAt\":\"2026-11-24T10:00:00.123Z\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SERVER_TIMING = "request;dur=0.1, log;dur=1.0, engine;dur=1.0, results;dur=1.0, answer;dur=0.1";

    static {
        // Read once, when the JDK's server is first used. It sends an answer's head and body in two
        // writes; with Nagle's algorithm the body waits for the client's delayed ACK of the head, ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private ClientWarmup() {
    }

    /**
     * Sends {@code commands} to the in-JVM responder for {@link #LENGTH}, each of {@code concurrency}
     * slots sending again as soon as its request is answered. Returns how they ended: each APPLIED
     * when the client took the path a stack's answers take.
     */
    static OutcomeCounts run(Workload commands, int concurrency) throws IOException, InterruptedException {
        HttpServer responder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), concurrency);
        responder.createContext("/", ClientWarmup::answer);
        responder.start();
        try (HttpTarget target = new HttpTarget("http://127.0.0.1:" + responder.getAddress().getPort())) {
            OutcomeCounts outcomes = new OutcomeCounts();
            Dispatcher dispatcher = new Dispatcher(target, commands::next, concurrency, new LatencyRecorder(), outcomes);
            ClosedLoopDriver.run(dispatcher, LENGTH);
            dispatcher.drain(DRAIN);
            return outcomes;
        } finally {
            responder.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            body.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Server-Timing", SERVER_TIMING);
            exchange.sendResponseHeaders(200, ANSWER.length);
            out.write(ANSWER);
        }
    }
}
