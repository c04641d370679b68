package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.events.CommandType;
import com.hipoc.ingress.command.RequestValidator;
import com.hipoc.ingress.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed request shape against every command endpoint: each answers its status and
 * problem code, and nothing reaches Kafka.
 */
@ExtendWith(SharedIngressStack.class)
class MalformedRequestTest {
    private static IngressStack stack;
    private static TestClient client;

    @BeforeAll
    static void start(IngressStack shared, TestClient plain) {
        stack = shared;
        client = plain;
    }

    /** One command endpoint: a valid body, and which of its fields are what. */
    record Endpoint(String path, CommandType type, Map<String, String> pathParams, String body,
                    List<String> required, List<String> identifiers, List<String> integers, boolean currency) {
        ObjectNode valid() {
            try {
                return (ObjectNode) Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Shape(String name, String path, String contentType, String body, int status, String code) {
        @Override
        public String toString() {
            return path + " " + name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/v1/accounts", CommandType.OPEN, Map.of(),
                    "{\"account\":\"a1\",\"currency\":\"USD\",\"overdraftLimit\":0,\"maxBalance\":100,\"txId\":\"o1\"}",
                    List.of("account", "currency"), List.of("account", "txId"), List.of("overdraftLimit", "maxBalance"), true),
            money("/v1/deposits", CommandType.DEPOSIT),
            money("/v1/withdrawals", CommandType.WITHDRAWAL),
            new Endpoint("/v1/transfers", CommandType.TRANSFER, Map.of(),
                    "{\"txId\":\"t1\",\"from\":\"a1\",\"to\":\"a2\",\"amount\":5,\"currency\":\"USD\"}",
                    List.of("txId", "from", "to", "amount", "currency"), List.of("txId", "from", "to"), List.of("amount"), true),
            new Endpoint("/v1/holds", CommandType.HOLD, Map.of(),
                    "{\"txId\":\"h1\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\",\"expiresInMs\":1000}",
                    List.of("txId", "account", "amount", "currency"), List.of("txId", "account"), List.of("amount", "expiresInMs"), true),
            new Endpoint("/v1/holds/h1/capture", CommandType.CAPTURE, Map.of("holdTxId", "h1"),
                    "{\"txId\":\"c1\",\"account\":\"a1\",\"amount\":5}",
                    List.of("txId", "account"), List.of("txId", "account"), List.of("amount"), false),
            new Endpoint("/v1/holds/h1/release", CommandType.RELEASE, Map.of("holdTxId", "h1"),
                    "{\"txId\":\"r1\",\"account\":\"a1\"}", List.of("txId", "account"), List.of("txId", "account"), List.of(), false),
            status("freeze", CommandType.FREEZE),
            status("unfreeze", CommandType.UNFREEZE),
            status("close", CommandType.CLOSE));

    private static Endpoint money(String path, CommandType type) {
        return new Endpoint(path, type, Map.of(), "{\"txId\":\"d1\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\"}",
                List.of("txId", "account", "amount", "currency"), List.of("txId", "account"), List.of("amount"), true);
    }

    private static Endpoint status(String action, CommandType type) {
        return new Endpoint("/v1/accounts/a1/" + action, type, Map.of("account", "a1"), "{\"txId\":\"s1\"}",
                List.of("txId"), List.of("txId"), List.of(), false);
    }

    static final List<String> BAD_IDENTIFIERS = List.of("\"\"", "\"" + "x".repeat(65) + "\"", "\"a b\"", "\"a/b\"",
            "\"caf\u00e9\"", "123", "true", "{}", "[\"a\"]");
    static final List<String> BAD_AMOUNTS = List.of("\"100\"", "1.0", "1.5", "0", "-1", "1000000000000001",
            "99999999999999999999999", "1e3", "true", "{}");
    /** Limits, unlike amounts, may be zero. */
    static final List<String> ZERO_ALLOWED = List.of("overdraftLimit", "maxBalance");
    static final List<String> BAD_CURRENCIES = List.of("\"usd\"", "\"US\"", "\"ABCDEFGHIJKLM\"", "\"US D\"", "840", "\"\"");

    static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            String valid = e.valid().toString();
            shapes.add(new Shape("no content type", e.path(), null, valid, 415, "UNSUPPORTED_MEDIA_TYPE"));
            shapes.add(new Shape("text/plain", e.path(), "text/plain", valid, 415, "UNSUPPORTED_MEDIA_TYPE"));
            shapes.add(new Shape("form", e.path(), "application/x-www-form-urlencoded", valid, 415, "UNSUPPORTED_MEDIA_TYPE"));
            shapes.add(new Shape("text/json", e.path(), "text/json", valid, 415, "UNSUPPORTED_MEDIA_TYPE"));
            shapes.add(new Shape("json patch", e.path(), "application/json-patch+json", valid, 415, "UNSUPPORTED_MEDIA_TYPE"));
            shapes.add(new Shape("too large", e.path(), "application/json",
                    "{\"txId\":\"x\",\"pad\":\"" + "a".repeat(1024 * 1024) + "\"}", 413, "PAYLOAD_TOO_LARGE"));
            for (String body : List.of("", "{", "[]", "\"text\"", "null", "42", valid + " x", valid + valid,
                    "{\"txId\":\"a\",\"txId\":\"b\"}", "{'txId':'a'}")) {
                shapes.add(invalid("body " + abbreviate(body), e.path(), body));
            }
            for (String wait : List.of("-1", "abc", "1.5", "30001", "")) {
                shapes.add(invalid("wait=" + wait, e.path() + "?wait=" + wait, valid));
            }
            for (String field : e.required()) {
                ObjectNode body = e.valid();
                body.remove(field);
                shapes.add(invalid("missing " + field, e.path(), body.toString()));
                shapes.add(invalid(field + " null", e.path(), body.putNull(field).toString()));
            }
            for (String field : e.identifiers()) {
                for (String bad : BAD_IDENTIFIERS) {
                    shapes.add(invalid(field + "=" + abbreviate(bad), e.path(), with(e.valid(), field, bad)));
                }
            }
            for (String field : e.integers()) {
                for (String bad : BAD_AMOUNTS) {
                    if (bad.equals("0") && ZERO_ALLOWED.contains(field)) {
                        continue;
                    }
                    shapes.add(invalid(field + "=" + bad, e.path(), with(e.valid(), field, bad)));
                }
            }
            if (e.currency()) {
                for (String bad : BAD_CURRENCIES) {
                    shapes.add(invalid("currency=" + bad, e.path(), with(e.valid(), "currency", bad)));
                }
            }
        }
        shapes.add(invalid("nested 100000 deep", "/v1/deposits", "{\"txId\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        // Beyond a hundred years the engine would drop the hold as malformed: refused here instead.
        shapes.add(invalid("expiresInMs above 100 years", "/v1/holds",
                "{\"txId\":\"h1\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\",\"expiresInMs\":3162240000001}"));
        shapes.add(invalid("from equals to", "/v1/transfers", "{\"txId\":\"t1\",\"from\":\"a1\",\"to\":\"a1\",\"amount\":5,\"currency\":\"USD\"}"));
        for (String bad : List.of("a%20b", "x".repeat(65), "caf%C3%A9", "a%2Fb")) {
            shapes.add(invalid("path account " + abbreviate(bad), "/v1/accounts/" + bad + "/freeze", "{\"txId\":\"s1\"}"));
            shapes.add(invalid("path holdTxId " + abbreviate(bad), "/v1/holds/" + bad + "/release", "{\"txId\":\"r1\",\"account\":\"a1\"}"));
        }
        shapes.addAll(batchShapes());
        return shapes;
    }

    private static List<Shape> batchShapes() {
        List<Shape> shapes = new ArrayList<>();
        String good = "{\"type\":\"deposit\",\"txId\":\"d1\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\"}";
        for (String body : List.of("{}", "{\"commands\":null}", "{\"commands\":{}}", "{\"commands\":\"x\"}",
                "{\"commands\":[42]}", "{\"commands\":[[]]}",
                "{\"commands\":[" + good + ",{\"txId\":\"d2\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\"}]}",
                "{\"commands\":[" + good + ",{\"type\":\"teleport\",\"txId\":\"d2\",\"account\":\"a1\"}]}",
                "{\"commands\":[{\"type\":\"transfer_credit\",\"txId\":\"d2\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\"}]}",
                "{\"commands\":[{\"type\":\"DEPOSIT\",\"txId\":\"d2\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\"}]}",
                "{\"commands\":[{\"type\":7,\"txId\":\"d2\"}]}",
                "{\"commands\":[" + good + "," + good.replace("5", "5.0") + "]}",
                "{\"commands\":[{\"type\":\"freeze\",\"txId\":\"f1\"}]}",
                "{\"commands\":[{\"type\":\"capture\",\"txId\":\"c1\",\"account\":\"a1\"}]}",
                "{\"commands\":[" + (good + ",").repeat(1000) + good + "]}")) {
            shapes.add(invalid("batch " + abbreviate(body), "/v1/batch", body));
        }
        shapes.add(new Shape("batch no content type", "/v1/batch", null, "{\"commands\":[" + good + "]}", 415, "UNSUPPORTED_MEDIA_TYPE"));
        shapes.add(new Shape("batch too large", "/v1/batch", "application/json",
                "{\"commands\":[],\"pad\":\"" + "a".repeat(1024 * 1024) + "\"}", 413, "PAYLOAD_TOO_LARGE"));
        shapes.add(invalid("batch wait", "/v1/batch?wait=x", "{\"commands\":[" + good + "]}"));
        return shapes;
    }

    private static Shape invalid(String name, String path, String body) {
        return new Shape(name, path, "application/json", body, 400, "INVALID_REQUEST");
    }

    private static String with(ObjectNode body, String field, String rawJson) {
        try {
            body.set(field, Json.MAPPER.readTree(rawJson));
        } catch (Exception e) {
            throw new IllegalStateException(rawJson, e);
        }
        return body.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…(" + s.length() + ")" : s;
    }

    @Test
    void everyBaseBodyIsValidSoEachShapeTestsOneFault() {
        for (Endpoint e : ENDPOINTS) {
            assertThat(RequestValidator.command(e.type(), e.valid(), e.pathParams()).type).isEqualTo(e.type());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void malformedRequestIsRefusedAndWritesNothing(Shape shape) {
        long written = stack.commandsWritten();
        HttpRequest.Builder request = client.request("POST", shape.path(), shape.body());
        if (shape.contentType() != null) {
            request.header("Content-Type", shape.contentType());
        }
        HttpResponse<String> r = TestClient.send(request);
        assertProblem(new RawConnection.Answer(r.statusCode(), Map.of("content-type", r.headers().firstValue("Content-Type").orElse("")),
                r.body()), shape.status(), shape.code());
        assertThat(stack.commandsWritten()).isEqualTo(written);
    }

    /**
     * Without a Content-Length, and never finished: only an ingress that stops reading at the
     * limit can answer at all, so the body was never held whole.
     */
    @Test
    void aChunkedBodyIsRefusedAsSoonAsItPassesTheLimit() throws Exception {
        long written = stack.commandsWritten();
        try (RawConnection c = new RawConnection(client.port())) {
            String chunk = "a".repeat((int) IngressServer.MAX_BODY_BYTES + 1);
            assertProblem(c.send(RawConnection.chunkedStart("POST", "/v1/deposits", chunk)).answer(), 413, "PAYLOAD_TOO_LARGE");
        }
        assertThat(stack.commandsWritten()).isEqualTo(written);
    }

    private static void assertProblem(RawConnection.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = TestClient.json(answer.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownRouteAndWrongMethodAreProblemsToo() {
        HttpResponse<String> notFound = client.get("/v1/nope");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(notFound).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> wrong = TestClient.send(client.request(method, "/v1/deposits", ""));
            assertThat(wrong.statusCode()).as(method).isEqualTo(405);
            assertThat(TestClient.json(wrong).get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        }
    }

    @Test
    void oddRequestsNeverYieldA5xx() throws Exception {
        long written = stack.commandsWritten();
        List<String> paths = List.of("/v1/accounts/%zz/freeze", "/v1/accounts/%00/freeze", "/v1/deposits?wait=%zz",
                "/v1/deposits?wait=1&wait=2", "/v1/holds/%E0%A4%A/capture", "/v1/accounts/" + "a".repeat(5000) + "/close",
                "/v1/batch?wait=" + "9".repeat(40), "/v1/accounts/a1/entries?limit=%zz", "/v1/transactions/%C3%28");
        for (String path : paths) {
            for (String method : List.of("GET", "POST")) {
                assertThat(rawStatus(method, path, "{\"txId\":\"x\"}")).as(method + " " + path).isBetween(400, 499);
            }
        }
        HttpResponse<String> binary = TestClient.send(client.request("POST", "/v1/deposits", "")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{(byte) 0xff, (byte) 0xfe, '{', '}'})));
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(stack.commandsWritten()).isEqualTo(written);
    }

    /** Framing java.net.http will not send: each is refused before anything reaches Kafka. */
    @Test
    void abusiveFramingIsRefusedAndWritesNothing() throws Exception {
        long written = stack.commandsWritten();
        String body = "{\"txId\":\"f1\",\"account\":\"a1\",\"amount\":5,\"currency\":\"USD\"}";
        try (RawConnection c = new RawConnection(client.port())) {
            assertThat(c.send(RawConnection.request("POST", "/v1/deposits", "X-Pad: " + "a".repeat(64 * 1024) + "\r\n", body))
                    .status()).as("huge header").isEqualTo(431);
        }
        try (RawConnection c = new RawConnection(client.port())) {
            assertThat(c.send(RawConnection.request("POST", "/v1/deposits", "Transfer-Encoding: chunked\r\n", body))
                    .status()).as("Content-Length and chunked at once").isEqualTo(400);
        }
        assertThat(stack.commandsWritten()).isEqualTo(written);
    }

    /** Over a plain socket: java.net.http refuses to send a malformed URI at all. */
    private static int rawStatus(String method, String path, String body) throws Exception {
        try (RawConnection connection = new RawConnection(client.port())) {
            return connection.send(RawConnection.request(method, path, "Connection: close\r\n", body)).status();
        }
    }
}
