package com.hipoc.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry point as a separate process: refuses to start without a key, announces --insecure. */
@ExtendWith(SharedIngressStack.class)
class IngressMainTest {
    private static Process launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(), "-cp", System.getProperty("java.class.path"), IngressMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("HMAC_SECRET");
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void refusesToStartWithoutAKey() throws Exception {
        Process p = launch(Map.of());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("refusing to start").contains("HMAC_SECRET").contains("--insecure");
    }

    @Test
    void refusesUnknownArguments() throws Exception {
        Process p = launch(Map.of("HMAC_SECRET", "k:s"), "--insecur");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
    }

    @Test
    void insecureModeIsAnnouncedAndReady(IngressStack stack) throws Exception {
        Process p = launch(Map.of("PORT", "0", "KAFKA_BROKERS", stack.kafka.bootstrapServers(),
                "REDIS_PORT", Integer.toString(stack.redis.port()), "MYSQL_PORT", Integer.toString(stack.mariaDb.port())), "--insecure");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("INGRESS READY")) {
                lines.add(line);
            }
            assertThat(line).matches("INGRESS READY http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("INSECURE"));
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            assertThat(TestClient.unsigned(port).get("/readyz").statusCode()).isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
