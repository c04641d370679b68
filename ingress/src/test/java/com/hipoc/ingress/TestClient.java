package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.ingress.http.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/** Test support: an HTTP client for one ingress, signing as API.md says when given a key. */
final class TestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String keyId;
    private final String secret;

    TestClient(int port, String keyId, String secret) {
        this.port = port;
        this.keyId = keyId;
        this.secret = secret;
    }

    static TestClient unsigned(int port) {
        return new TestClient(port, null, null);
    }

    int port() {
        return port;
    }

    HttpResponse<String> post(String pathAndQuery, String body) {
        return send(request("POST", pathAndQuery, body).header("Content-Type", "application/json"));
    }

    /** For floods: many requests in flight at once without a thread each. */
    CompletableFuture<HttpResponse<String>> postAsync(String pathAndQuery, String body) {
        return HTTP.sendAsync(request("POST", pathAndQuery, body).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request("GET", pathAndQuery, ""));
    }

    /** A request signed (when this client has a key) but otherwise bare, for odd shapes. */
    HttpRequest.Builder request(String method, String pathAndQuery, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (keyId != null) {
            long t = System.currentTimeMillis() / 1000;
            b.header("X-Key-Id", keyId).header("X-Signature", "t=" + t + ",v1=" + sign(secret, t, method, pathAndQuery, body));
        }
        return b;
    }

    static String sign(String secret, long t, String method, String pathAndQuery, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((t + "." + method + "." + pathAndQuery + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
