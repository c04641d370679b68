package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.OpsRoutes;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** /openapi.json lists exactly the routes the ingress registers, so the two cannot drift. */
@ExtendWith(SharedIngressStack.class)
class OpenApiTest {
    @Test
    void documentedOperationsAreExactlyTheRegisteredRoutes(IngressStack stack) throws Exception {
        JsonNode paths = Json.MAPPER.readTree(OpsRoutes.openApiDocument()).get("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> registered = new TreeSet<>();
        try (IngressServer server = stack.ingress(Map.of())) {
            for (ParsedEndpoint parsed : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
                HandlerType method = parsed.endpoint.method;
                if (method.isHttpMethod()) {
                    registered.add(method.name() + " " + parsed.endpoint.path);
                }
            }
            assertThat(TestClient.unsigned(server.port()).get("/openapi.json").body()).contains("\"openapi\"");
        }
        assertThat(documented).isEqualTo(registered);
        assertThat(documented).hasSize(19);
    }

    @Test
    void documentIsOpenApi3WithEveryReferenceResolvable() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(OpsRoutes.openApiDocument());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertReferencesResolve(doc, doc);
    }

    private static void assertReferencesResolve(JsonNode doc, JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        node.forEach(child -> assertReferencesResolve(doc, child));
    }
}
