package com.hipoc.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/** The parts of Flink's REST API (the one behind the web UI) that operators use to run jobs. */
public final class FlinkRest {
    /** Where {@code hipoc local} serves the web UI by default. */
    public static final String LOCAL_URL = "http://127.0.0.1:8081";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL_STATES = Set.of("FINISHED", "CANCELED", "FAILED", "SUSPENDED");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String url() {
        return baseUrl;
    }

    /** Fails with what to do when nothing answers at the URL, for commands an operator types. */
    public void requireReachable() throws IOException, InterruptedException {
        try {
            get("/overview");
        } catch (ConnectException e) {
            throw new IllegalStateException("no Flink REST API answers at " + baseUrl + "; start the cluster or pass --flink URL", e);
        }
    }

    /** The cluster's {@code parallelism.default}, 1 when it sets none (Flink's own default). */
    public int defaultParallelism() throws IOException, InterruptedException {
        return clusterOption("parallelism.default").map(Integer::parseInt).orElse(1);
    }

    /** An option of the cluster's configuration (its config.yaml), as the web UI's Job Manager page shows it. */
    public Optional<String> clusterOption(String key) throws IOException, InterruptedException {
        for (JsonNode option : get("/jobmanager/config")) {
            if (key.equals(option.path("key").asText())) {
                return Optional.of(option.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** Slots offered by registered TaskManagers. */
    public int totalSlots() throws IOException, InterruptedException {
        return get("/overview").path("slots-total").asInt();
    }

    /** Uploads a job jar as the web UI's submit page does; returns the jar id to run it by. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "hipoc-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(uri("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        return Path.of(answer.path("filename").asText()).getFileName().toString();
    }

    /**
     * Runs an uploaded jar, from a savepoint or retained checkpoint when given; returns the job id.
     * Without a parallelism the cluster's {@code parallelism.default} applies: it is named in the
     * request, because Flink 2.2 runs a jar submitted without one at parallelism 1, whatever the
     * cluster's default.
     */
    public String runJar(String jarId, List<String> programArgs, OptionalInt parallelism, Optional<RestorePoint> restore)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putPOJO("programArgsList", programArgs);
        body.put("parallelism", parallelism.isPresent() ? parallelism.getAsInt() : defaultParallelism());
        restore.ifPresent(r -> {
            body.put("savepointPath", r.path().toUri().toString());
            body.put("claimMode", r.checkpoint() ? "CLAIM" : "NO_CLAIM");
        });
        return send(post("/jars/" + jarId + "/run", body)).path("jobid").asText();
    }

    /** Ids of the jobs named {@code name} that are running (or restarting, or being created). */
    public List<String> activeJobs(String name) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            if (job.path("name").asText().equals(name) && !TERMINAL_STATES.contains(job.path("state").asText())) {
                ids.add(job.path("jid").asText());
            }
        }
        return ids;
    }

    /** The job's state, whether every one of its tasks is running too, and its widest operator's parallelism. */
    public JobState jobState(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        boolean allTasksRunning = true;
        int parallelism = 0;
        for (JsonNode v : job.path("vertices")) {
            allTasksRunning &= "RUNNING".equals(v.path("status").asText());
            parallelism = Math.max(parallelism, v.path("parallelism").asInt());
        }
        return new JobState(job.path("state").asText(), allTasksRunning, parallelism);
    }

    /**
     * Stops the job with a savepoint into {@code targetDir} and returns the savepoint's location.
     * In RocksDB's own format: the restore copies its files instead of re-inserting every key
     * (8.9 s against 140.6 s for the engine after 10 M ledger entries, BENCHMARKS.md). Canonical
     * savepoints are only needed to change the state backend.
     */
    public String stopWithSavepoint(String jobId, Path targetDir, Duration timeout) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("targetDirectory", targetDir.toUri().toString());
        body.put("drain", false);
        body.put("formatType", "NATIVE");
        String requestId = send(post("/jobs/" + jobId + "/stop", body)).path("request-id").asText();
        String[] location = new String[1];
        Await.until("the savepoint of job " + jobId, timeout, () -> {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + requestId);
            if (!"COMPLETED".equals(status.path("status").path("id").asText())) {
                return false;
            }
            JsonNode operation = status.path("operation");
            if (operation.has("failure-cause")) {
                throw new IllegalStateException("savepoint failed: " + operation.path("failure-cause").path("stack-trace").asText());
            }
            location[0] = operation.path("location").asText();
            return true;
        });
        return location[0];
    }

    /**
     * Cancels the job without a savepoint and waits until it has ended. Its retained
     * checkpoints stay on disk (RETAIN_ON_CANCELLATION).
     */
    public void cancel(String jobId, Duration timeout) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel")).method("PATCH", HttpRequest.BodyPublishers.noBody()));
        Await.until("job " + jobId + " to be canceled", timeout, () -> TERMINAL_STATES.contains(jobState(jobId).state()));
    }

    /** Any read-only endpoint of the REST API (e.g. a vertex's metrics), as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpRequest.Builder post(String path, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new FlinkRestException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public record JobState(String state, boolean allTasksRunning, int parallelism) {
        public boolean running() {
            return "RUNNING".equals(state) && allTasksRunning;
        }
    }

    /** Flink answered, but with an error: not retried by {@link Await}, unlike a connection failure. */
    public static final class FlinkRestException extends IllegalStateException {
        FlinkRestException(String message) {
            super(message);
        }
    }
}
