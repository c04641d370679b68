package com.hipoc.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP ingress as its own JVM, the way it is deployed, so it can be restarted or killed alone. */
public final class IngressProcess implements AutoCloseable {
    private final String url;
    private ChildProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private IngressProcess(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Starts the ingress on {@code port}. Without HMAC_SECRET it runs in its announced insecure
     * mode, which is only acceptable because it binds loopback.
     */
    public static IngressProcess start(Path jar, int port, Map<String, String> services, boolean hmacConfigured,
                                       Path dataDir) throws IOException {
        Map<String, String> env = new HashMap<>(services);
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("PORT", Integer.toString(port));
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx512m",
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"), "-jar", jar.toString()));
        if (!hmacConfigured) {
            command.add("--insecure");
        }
        Files.createDirectories(dataDir.resolve("tmp"));
        return new IngressProcess(ChildProcess.start("ingress", command, env, dataDir.resolve("logs/ingress.log")),
                "http://127.0.0.1:" + port);
    }

    /** Waits for /readyz: its Kafka producer and its result-partition consumer are ready. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/readyz")).timeout(Duration.ofSeconds(2)).GET().build();
        Await.until("the ingress at " + url, timeout, () -> {
            process.requireAlive();
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    /** SIGKILL, mid-request for any request in flight; see {@link #startAgain}. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** The same ingress again after {@link #kill}; returns once it is ready. */
    public void startAgain(Duration readyTimeout) throws IOException, InterruptedException {
        process = process.startAgain();
        awaitReady(readyTimeout);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
