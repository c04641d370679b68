package com.hipoc.bench;

import com.hipoc.local.FlinkRest;
import com.hipoc.local.FreePort;
import com.hipoc.local.HipocJob;
import com.hipoc.local.LocalOptions;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import com.hipoc.local.RestorePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upgrade as an operator does it, with {@code bin/hipoc savepoint} and {@code bin/hipoc upgrade}
 * on the real local stack: the engine first onto another parallelism, then onto a build whose
 * account state has a new field; then the read models onto another parallelism. Every answer
 * after a restore comes from the engine's restored state (the read models cannot produce a next
 * version or a replay), so each check proves a piece of state survived. Then no class loader of
 * the three jobs it replaced is left in the TaskManager.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SavepointUpgradeTest {
    private static final int ACCOUNTS = 12;
    private static final long DEPOSIT = 1000;

    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private RepoLayout repo;
    private BalanceApi api;
    private String flink;

    private record Expected(long balance, long held, long version) {
        Expected plus(long amount) {
            return new Expected(balance + amount, held, version + 1);
        }
    }

    @Test
    void balancesHoldsAndTxIdsSurviveRescalingAndANewStateField(@TempDir Path dataDir) throws Exception {
        repo = RepoLayout.locate();
        Path nextJar = ChangedJobJar.build(repo, dataDir.resolve("next-build"));
        Path savepoints = dataDir.resolve("upgrade-savepoints");
        try (LocalStack stack = LocalStack.start(LocalOptions.embedded(dataDir, FreePort.find(), FreePort.find(), repo),
                new Progress(System.out))) {
            api = new BalanceApi(stack.endpoints().ingressUrl());
            flink = stack.endpoints().flinkUrl();
            FlinkRest rest = new FlinkRest(flink);

            decideTheFirstCommands();

            String first = timed("savepoint", "savepoint", "--flink", flink, "--dir", savepoints.toString());
            assertThat(rest.activeJobs(HipocJob.BALANCE_ENGINE.jobName())).as("stopped by the savepoint").isEmpty();
            assertThat(RestorePoint.savepoint(first).path()).as("the engine's own directory")
                    .startsWith(savepoints.resolve(HipocJob.BALANCE_ENGINE.jobName()));
            String rescaled = timed("upgrade to parallelism 1", "upgrade", "--from", first, "--parallelism", "1", "--flink", flink);
            assertThat(rest.jobState(rescaled).parallelism()).isEqualTo(1);
            checkEveryAccountResumed("p1");

            String second = timed("savepoint", "savepoint", "--flink", flink, "--dir", savepoints.toString());
            String upgraded = timed("upgrade to the changed build", "upgrade", "--from", second, "--jar", nextJar.toString(),
                    "--flink", flink);
            assertThat(rest.jobState(upgraded).parallelism()).as("without --parallelism, the cluster's default")
                    .isEqualTo(rest.defaultParallelism()).isEqualTo(2);
            checkEveryAccountResumed("next");
            captureTheOpenHold();
            upgradeTheReadModels(rest, savepoints);
            // Every ended job's classes unloaded (issue 17; RepeatedUpgradesTest does it 24 times).
            JobClasses classes = JobClasses.awaitAtMost(stack.taskManager(), 2, Duration.ofMinutes(1));
            assertThat(classes.classLoaders()).as("the two running jobs' class loaders only: %s", classes).isEqualTo(2);

            String last = timed("savepoint", "savepoint", "--flink", flink, "--dir", savepoints.toString());
            assertThat(mentions(first, ChangedJobJar.NEW_FIELD)).as("the first build's state has no " + ChangedJobJar.NEW_FIELD).isFalse();
            assertThat(mentions(last, ChangedJobJar.NEW_FIELD)).as("state rewritten with the changed HoldState").isTrue();
        }
    }

    /** Deposits on every account, then a transfer, a hold and a withdrawal on the first ones. */
    private void decideTheFirstCommands() throws Exception {
        for (int i = 0; i < ACCOUNTS; i++) {
            BalanceApi.Answer deposit = api.deposit("dep-" + i, account(i), DEPOSIT);
            assertThat(deposit.status()).as(deposit.body().toString()).isEqualTo(200);
            expected.put(account(i), new Expected(DEPOSIT, 0, 1));
        }
        accepted(api.transfer("tr-1", account(0), account(1), 250));
        expected.put(account(0), new Expected(750, 0, 2));
        expected.put(account(1), new Expected(1250, 0, 2));
        accepted(api.hold("hold-1", account(2), 300));
        expected.put(account(2), new Expected(DEPOSIT, 300, 2));
        accepted(api.withdraw("wd-1", account(3), 200));
        expected.put(account(3), new Expected(800, 0, 2));
    }

    /**
     * Each first deposit repeated answers its original outcome as a replay (remembered txId), and a
     * new deposit lands on the expected balance, hold and next version (account state, open hold).
     */
    private void checkEveryAccountResumed(String phase) throws Exception {
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = account(i);
            BalanceApi.Answer replay = api.deposit("dep-" + i, account, DEPOSIT);
            assertThat(replay.status()).as(replay.body().toString()).isEqualTo(200);
            assertThat(replay.replayed()).as("txId dep-%d remembered", i).contains("true");
            assertThat(replay.account().path("version").asLong()).as("the original outcome").isEqualTo(1);

            BalanceApi.Answer next = api.deposit(phase + "-" + i, account, 1);
            assertThat(next.status()).as(next.body().toString()).isEqualTo(200);
            Expected now = expected.get(account).plus(1);
            assertThat(state(next)).as(account + " after the restore").isEqualTo(now);
            expected.put(account, now);
        }
    }

    private void captureTheOpenHold() throws Exception {
        BalanceApi.Answer capture = accepted(api.capture("cap-1", account(2), "hold-1"));
        Expected before = expected.get(account(2));
        assertThat(state(capture)).isEqualTo(new Expected(before.balance() - 300, 0, before.version() + 1));
    }

    /**
     * The read models stopped with a savepoint and upgraded miss no event written meanwhile: the
     * new job resumes at the savepoint's offsets of balance.events.
     */
    private void upgradeTheReadModels(FlinkRest rest, Path savepoints) throws Exception {
        String job = HipocJob.READ_MODELS.jobName();
        String savepoint = timed("savepoint read-models", "savepoint", "--job", job, "--flink", flink, "--dir", savepoints.toString());
        assertThat(rest.activeJobs(job)).as("stopped by the savepoint").isEmpty();
        assertThat(RestorePoint.savepoint(savepoint).path()).as("the read models' own directory").startsWith(savepoints.resolve(job));
        assertThat(rest.activeJobs(HipocJob.BALANCE_ENGINE.jobName())).as("the engine runs on").hasSize(1);

        Expected meanwhile = state(accepted(api.deposit("while-read-models-stopped", account(4), 5)));
        String upgraded = timed("upgrade read-models to parallelism 1", "upgrade", "--job", job, "--from", savepoint,
                "--parallelism", "1", "--flink", flink);
        assertThat(rest.jobState(upgraded).parallelism()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            BalanceApi.Answer read = api.account(account(4));
            assertThat(read.body().path("balance").asLong()).as(read.body().toString()).isEqualTo(meanwhile.balance());
            assertThat(read.body().path("version").asLong()).isEqualTo(meanwhile.version());
        });
    }

    private static BalanceApi.Answer accepted(BalanceApi.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    private static Expected state(BalanceApi.Answer answer) {
        return new Expected(answer.account().path("balance").asLong(), answer.account().path("held").asLong(),
                answer.account().path("version").asLong());
    }

    private static String account(int i) {
        return "upgrade-" + i;
    }

    private String timed(String what, String... args) throws Exception {
        long start = System.nanoTime();
        String out = HipocCommand.run(repo, args);
        System.out.printf("bin/hipoc %s: %.1f s -> %s%n", what, (System.nanoTime() - start) / 1e9, out);
        return out;
    }

    /** Whether any file of a savepoint holds {@code text}: serializer snapshots name each POJO field. */
    private static boolean mentions(String savepoint, String text) throws IOException {
        try (Stream<Path> files = Files.walk(RestorePoint.savepoint(savepoint).path())) {
            // ISO-8859-1 maps every byte to one char, so binary files compare byte for byte.
            return files.filter(Files::isRegularFile).anyMatch(f -> read(f).contains(text));
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
