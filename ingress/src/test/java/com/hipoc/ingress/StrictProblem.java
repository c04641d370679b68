package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hipoc.ingress.http.Json;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * TEST SUPPORT: an RFC 9457 problem as a strict typed client reads it (Spring's ProblemDetail,
 * .NET's ProblemDetails). RFC 9457 section 3.1 has a lenient reader ignore a member of the wrong
 * type, which loses it silently; this reader fails instead, on the media type, on each standard
 * member's type, on a {@code status} other than the HTTP status, and on an extension member whose
 * name section 3.2 advises against (clients in other languages must be able to bind it).
 */
record StrictProblem(URI type, String title, Integer status, String detail, URI instance, ObjectNode extensions) {
    static final String MEDIA_TYPE = "application/problem+json";
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,}");

    /** A whole answer: its media type, then its body. */
    static StrictProblem of(HttpResponse<String> answer) {
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        assertThat(contentType.split(";")[0].trim().toLowerCase(Locale.ROOT)).as("media type of " + answer.body())
                .isEqualTo(MEDIA_TYPE);
        return of(answer.statusCode(), TestClient.json(answer));
    }

    /** A problem body answered with {@code httpStatus}, alone or as the item of a batch. */
    static StrictProblem of(int httpStatus, JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new AssertionError("a problem is a JSON object: " + body);
        }
        StrictProblem problem = new StrictProblem(uriReference(object, "type", ABOUT_BLANK), string(object, "title"),
                status(object), string(object, "detail"), uriReference(object, "instance", null), extensions(object));
        if (problem.status != null) {
            assertThat(problem.status).as("status must be the HTTP status code: " + body).isEqualTo(httpStatus);
        }
        return problem;
    }

    /** An extension member that must be there, as a string. */
    String extension(String name) {
        JsonNode value = extensions.get(name);
        assertThat(value).as(name + " in " + extensions).isNotNull();
        assertThat(value.isTextual()).as(name + " must be a string: " + value).isTrue();
        return value.textValue();
    }

    private static String string(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return null;
        }
        assertThat(value.isTextual()).as(name + " must be a string: " + body).isTrue();
        return value.textValue();
    }

    private static Integer status(ObjectNode body) {
        JsonNode value = body.get("status");
        if (value == null) {
            return null;
        }
        assertThat(value.isInt()).as("status must be a JSON integer: " + body).isTrue();
        return value.intValue();
    }

    /** Without {@code type} a problem is {@code about:blank} (section 3.1.1). */
    private static URI uriReference(ObjectNode body, String name, URI absent) {
        String value = string(body, name);
        if (value == null) {
            return absent;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return fail(name + " must be a URI reference: " + body, e);
        }
    }

    private static ObjectNode extensions(ObjectNode body) {
        ObjectNode extensions = Json.MAPPER.createObjectNode();
        body.fields().forEachRemaining(member -> {
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                assertThat(member.getKey()).as("extension member name").matches(EXTENSION_NAME);
                extensions.set(member.getKey(), member.getValue());
            }
        });
        return extensions;
    }
}
