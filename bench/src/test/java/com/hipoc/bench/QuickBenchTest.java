package com.hipoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.cli.HipocCli;
import com.hipoc.events.WireJson;
import com.hipoc.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hipoc bench --quick} against the real local stack: a smoke check that every mode runs,
 * reports and ends with passing correctness checks. It asserts no speed: CI machines vary.
 * Its accounts ({@code bench-*}) and baseline tables are its own.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(SharedLocalStack.class)
class QuickBenchTest {
    private static LocalStack stack;

    @TempDir
    Path reports;

    @BeforeAll
    static void useSharedStack(LocalStack shared) {
        stack = shared;
    }

    @Test
    void quickBenchCompletesReportsAndVerifies() throws Exception {
        long start = System.nanoTime();
        int exit = HipocCli.commandLine().execute("bench", "--quick", "--data-dir", stack.dataDir().toString(),
                "--report-dir", reports.toString());
        System.out.printf("hipoc bench --quick: %.1f s%n", (System.nanoTime() - start) / 1e9);

        List<Path> json = Files.list(reports).filter(p -> p.toString().endsWith(".json")).toList();
        assertThat(json).hasSize(1);
        assertThat(json.get(0).resolveSibling(json.get(0).getFileName().toString().replace(".json", ".md"))).exists();
        JsonNode report = WireJson.MAPPER.readTree(json.get(0).toFile());
        assertThat(report.path("phases")).extracting(p -> p.path("phase").asText())
                .containsExactly("kafka", "batch", "http@500/s", "mysql-baseline");
        assertThat(report.path("phases")).allSatisfy(p -> assertThat(p.path("commands").asLong()).isPositive());
        assertThat(report.path("checks")).extracting(c -> c.path("summary").asText())
                .anySatisfy(s -> assertThat(s).startsWith("bin/hipoc verify"));
        assertThat(report.path("checks")).allSatisfy(c -> assertThat(c.path("passed").asBoolean()).as(c.toString()).isTrue());
        assertThat(exit).isZero();
    }
}
