package com.hipoc.ingress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's HMAC signature, against an ingress holding two keys (mid-rotation). */
@ExtendWith(SharedIngressStack.class)
class SignatureTest {
    private static final String OLD_SECRET = "old-secret-0123456789";
    private static final String NEW_SECRET = "new:secret-with-colon";
    private static IngressStack stack;
    private static IngressServer server;

    @BeforeAll
    static void start(IngressStack shared) throws Exception {
        stack = shared;
        server = stack.ingress(Map.of("HMAC_SECRET", "k1:" + OLD_SECRET + ", k2:" + NEW_SECRET));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String deposit(String txId) {
        return "{\"txId\":\"" + txId + "\",\"account\":\"sig-acct\",\"amount\":1,\"currency\":\"USD\"}";
    }

    private static HttpRequest.Builder raw(String method, String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
    }

    private static String header(String secret, long t, String method, String pathAndQuery, String body) {
        return "t=" + t + ",v1=" + TestClient.sign(secret, t, method, pathAndQuery, body);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static void assertUnauthenticatedAndNothingWritten(HttpRequest.Builder request) {
        long written = stack.commandsWritten();
        HttpResponse<String> r = TestClient.send(request);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestClient.json(r).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(stack.commandsWritten()).isEqualTo(written);
    }

    @Test
    void eitherKeyOfARotationIsAccepted() {
        for (String[] key : new String[][]{{"k1", OLD_SECRET}, {"k2", NEW_SECRET}}) {
            HttpResponse<String> r = new TestClient(server.port(), key[0], key[1]).post("/v1/deposits?wait=2000", deposit("sig-" + key[0]));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    @Test
    void readsAreSignedToo() {
        assertUnauthenticatedAndNothingWritten(raw("GET", "/v1/accounts/sig-acct", ""));
        HttpResponse<String> r = new TestClient(server.port(), "k1", OLD_SECRET).get("/v1/transactions/none?x=1");
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void missingHeadersAreRefused() {
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", deposit("m1")));
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", deposit("m2")).header("X-Key-Id", "k1"));
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", deposit("m3"))
                .header("X-Signature", header(OLD_SECRET, now(), "POST", "/v1/deposits", deposit("m3"))));
    }

    @Test
    void malformedSignatureHeaderIsRefused() {
        for (String bad : new String[]{"garbage", "t=abc,v1=00", "v1=00", "t=" + now(), "t=1,t=2,v1=00", ""}) {
            assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", deposit("x1"))
                    .header("X-Key-Id", "k1").header("X-Signature", bad.isEmpty() ? " " : bad));
        }
    }

    @Test
    void wrongSecretIsRefused() {
        String body = deposit("w1");
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", body)
                .header("X-Key-Id", "k1").header("X-Signature", header("not-the-secret", now(), "POST", "/v1/deposits", body)));
    }

    @Test
    void aRotatedKeysSecretDoesNotWorkUnderTheOtherId() {
        String body = deposit("w2");
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", body)
                .header("X-Key-Id", "k2").header("X-Signature", header(OLD_SECRET, now(), "POST", "/v1/deposits", body)));
    }

    @Test
    void unknownKeyIsRefused() {
        String body = deposit("u1");
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", body)
                .header("X-Key-Id", "k3").header("X-Signature", header(OLD_SECRET, now(), "POST", "/v1/deposits", body)));
    }

    @Test
    void staleOrFutureTimestampIsRefused() {
        String body = deposit("s1");
        // A minute past the 300 s allowed: a second boundary passing between signing and the
        // server's check must not bring a timestamp back inside it.
        for (long t : new long[]{now() - 360, now() + 360, 0}) {
            assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", body)
                    .header("X-Key-Id", "k1").header("X-Signature", header(OLD_SECRET, t, "POST", "/v1/deposits", body)));
        }
        HttpResponse<String> withinSkew = TestClient.send(raw("POST", "/v1/deposits", deposit("s2"))
                .header("X-Key-Id", "k1").header("X-Signature", header(OLD_SECRET, now() - 250, "POST", "/v1/deposits", deposit("s2"))));
        assertThat(withinSkew.statusCode()).isEqualTo(200);
    }

    @Test
    void tamperedBodyPathMethodOrQueryIsRefused() {
        String body = deposit("t1");
        long t = now();
        String signature = header(OLD_SECRET, t, "POST", "/v1/deposits", body);
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits", body.replace("\"amount\":1", "\"amount\":1000"))
                .header("X-Key-Id", "k1").header("X-Signature", signature));
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/withdrawals", body)
                .header("X-Key-Id", "k1").header("X-Signature", signature));
        assertUnauthenticatedAndNothingWritten(raw("POST", "/v1/deposits?wait=0", body)
                .header("X-Key-Id", "k1").header("X-Signature", signature));
        assertUnauthenticatedAndNothingWritten(raw("PUT", "/v1/deposits", body)
                .header("X-Key-Id", "k1").header("X-Signature", signature));
    }

    @Test
    void oneOfSeveralV1ValuesMayMatch() {
        String body = deposit("v1");
        long t = now();
        String both = "t=" + t + ",v1=" + TestClient.sign("stale", t, "POST", "/v1/deposits", body)
                + ",v1=" + TestClient.sign(OLD_SECRET, t, "POST", "/v1/deposits", body);
        HttpResponse<String> r = TestClient.send(raw("POST", "/v1/deposits", body).header("X-Key-Id", "k1").header("X-Signature", both));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    static List<String> commandPaths() {
        List<String> paths = new ArrayList<>(MalformedRequestTest.ENDPOINTS.stream().map(MalformedRequestTest.Endpoint::path).toList());
        paths.add("/v1/batch");
        return paths;
    }

    /** A valid body on every command endpoint, unsigned: refused before it can change a balance. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commandPaths")
    void everyCommandEndpointRefusesAnUnsignedRequest(String path) {
        assertUnauthenticatedAndNothingWritten(raw("POST", path, "{\"txId\":\"u-" + path.length() + "\",\"account\":\"sig-acct\","
                + "\"amount\":1,\"currency\":\"USD\",\"commands\":[]}"));
    }

    @Test
    void healthReadinessAndMetricsNeedNoSignature() {
        for (String path : new String[]{"/healthz", "/readyz", "/metrics"}) {
            assertThat(TestClient.send(raw("GET", path, "")).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(TestClient.send(raw("GET", "/openapi.json", "")).statusCode()).isEqualTo(401);
    }
}
