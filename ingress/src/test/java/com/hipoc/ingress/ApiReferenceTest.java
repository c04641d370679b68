package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.ingress.http.Json;
import com.hipoc.ingress.http.OpsRoutes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md, the API reference people read, lists exactly the operations of the /openapi.json
 * the ingress serves, and for each one every status code that document gives it: the two cannot
 * drift apart. (OpenApiTest ties /openapi.json to the registered routes.)
 */
class ApiReferenceTest {
    private static final Path API_MD = Path.of("..", "docs", "api.md");
    private static final String SECTION = "## Endpoints";
    /** A row of the endpoint table: | `METHOD` | `path` | what | answers |. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|([^|]*)\\|\\s*$");
    private static final Pattern STATUS = Pattern.compile("\\b[1-5][0-9][0-9]\\b");

    @Test
    void endpointTableListsExactlyTheOperationsOfOpenApi() throws IOException {
        Map<String, Set<String>> documented = documentedOperations();
        assertThat(documented.keySet()).isEqualTo(openApiOperations().keySet());
    }

    @Test
    void everyStatusCodeOfAnOperationIsMentionedForIt() throws IOException {
        Map<String, Set<String>> documented = documentedOperations();
        openApiOperations().forEach((operation, statuses) -> {
            assertThat(documented).as("docs/api.md lists %s", operation).containsKey(operation);
            assertThat(documented.get(operation)).as("status codes docs/api.md gives %s", operation)
                    .containsAll(statuses);
        });
    }

    /** "METHOD path" to its status codes, from the responses of every operation in /openapi.json. */
    private static Map<String, Set<String>> openApiOperations() throws IOException {
        JsonNode paths = Json.MAPPER.readTree(OpsRoutes.openApiDocument()).get("paths");
        Map<String, Set<String>> operations = new TreeMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            Set<String> statuses = new TreeSet<>();
            method.getValue().get("responses").fieldNames().forEachRemaining(statuses::add);
            operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), statuses);
        }));
        assertThat(operations).as("operations in /openapi.json").isNotEmpty();
        return operations;
    }

    /** "METHOD path" to the status codes in its row of docs/api.md's endpoint table. */
    private static Map<String, Set<String>> documentedOperations() throws IOException {
        assertThat(API_MD).as("docs/api.md, from the ingress module's directory").isRegularFile();
        List<String> section = section(Files.readAllLines(API_MD));
        Map<String, Set<String>> operations = new TreeMap<>();
        for (String line : section) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String operation = row.group(1) + " " + row.group(2);
            Set<String> statuses = new TreeSet<>();
            Matcher status = STATUS.matcher(row.group(3));
            while (status.find()) {
                statuses.add(status.group());
            }
            assertThat(statuses).as("status codes in the row of %s", operation).isNotEmpty();
            assertThat(operations.put(operation, statuses)).as("%s appears once", operation).isNull();
        }
        assertThat(operations).as("rows of the table under '%s' in docs/api.md", SECTION).isNotEmpty();
        return operations;
    }

    /** The lines under the heading, up to the next heading of the same level. */
    private static List<String> section(List<String> lines) {
        int start = lines.indexOf(SECTION);
        assertThat(start).as("docs/api.md has a '%s' section", SECTION).isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }
}
