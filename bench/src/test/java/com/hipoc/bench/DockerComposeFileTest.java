package com.hipoc.bench;

import com.hipoc.local.RepoLayout;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml as Debian's docker-compose 1.29 reads it (no daemon needed), and the files it mounts. */
class DockerComposeFileTest {
    private static final List<String> SERVICES = List.of("kafka", "kafka-topics", "mysql", "redis", "jobmanager", "taskmanager",
            "submit-jobs", "ingress", "prometheus", "grafana");

    @Test
    void composeFileIsValidAndNamesEveryService() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed, so docker-compose.yml is NOT validated here;"
                + " install it with `apt-get install -y --no-install-recommends docker-compose` (.ci/run does)");
        RepoLayout repo = RepoLayout.locate();
        assertThat(compose(repo, "config", "--quiet")).isEmpty();
        assertThat(compose(repo, "config", "--services").lines()).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void everyMountedFileExists() {
        Path root = RepoLayout.locate().root();
        for (String file : List.of("flink-conf/config.yaml", "sql/migrations/V001__init.sql", "ops/flink/submit-jobs.sh", "ops/prometheus/prometheus.yml",
                "ops/grafana/provisioning/datasources/prometheus.yml", "ops/grafana/provisioning/dashboards/hipoc.yml",
                "ops/grafana/dashboards/hipoc.json", "ingress/Dockerfile")) {
            assertThat(root.resolve(file)).as(file).isRegularFile();
        }
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String compose(RepoLayout repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("docker-compose %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
