package com.hipoc.bench;

import com.hipoc.local.FreePort;
import com.hipoc.local.HipocJob;
import com.hipoc.local.LocalOptions;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades forever (issue 17): both jobs upgraded with {@code bin/hipoc savepoint} and
 * {@code bin/hipoc upgrade}, round after round, on one session cluster, with deposits between
 * upgrades. After every round the TaskManager holds the two running jobs' classes and no ended
 * job's; at the end it is the TaskManager the stack started, its Metaspace where it was after
 * the first round, every balance what the deposits made it, every first txId still remembered,
 * and the read models agree with the ledger. Not part of the CI suite (about 10 minutes for 12
 * rounds, 24 upgrades; {@code SavepointUpgradeTest} checks the class loaders after its three):
 * <pre>mvn -B -o -pl bench verify -Dtest=RepeatedUpgradesTest -Dhipoc.test.upgrades=12</pre>
 */
@EnabledIfSystemProperty(named = "hipoc.test.upgrades", matches = "\\d+")
class RepeatedUpgradesTest {
    private static final int ACCOUNTS = 10;
    private static final long DEPOSIT = 1000;
    private static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(1);
    /**
     * Less than one job's classes (about 12 MB each, the size of one leaked upgrade), more than
     * what the JVM adds over time for itself (reflection accessors, JIT-generated classes).
     */
    private static final long METASPACE_SLACK_KB = 8 * 1024;

    private RepoLayout repo;
    private BalanceApi api;
    private String flink;

    @Test
    void theTaskManagerOutlivesEveryUpgradeWithTheJobsState(@TempDir Path dataDir) throws Exception {
        int rounds = Integer.getInteger("hipoc.test.upgrades");
        repo = RepoLayout.locate();
        String savepoints = dataDir.resolve("upgrade-savepoints").toString();
        try (LocalStack stack = LocalStack.start(LocalOptions.embedded(dataDir, FreePort.find(), FreePort.find(), repo),
                new Progress(System.out))) {
            api = new BalanceApi(stack.endpoints().ingressUrl());
            flink = stack.endpoints().flinkUrl();
            ProcessHandle taskManager = stack.taskManager();
            for (int i = 0; i < ACCOUNTS; i++) {
                depositAndCheck("first-" + i, i, 1);
            }
            JobClasses first = null;
            long deposits = 1;
            for (int round = 1; round <= rounds; round++) {
                for (HipocJob job : HipocJob.values()) {
                    String savepoint = HipocCommand.run(repo, "savepoint", "--job", job.jobName(), "--flink", flink, "--dir", savepoints);
                    HipocCommand.run(repo, "upgrade", "--job", job.jobName(), "--from", savepoint, "--flink", flink);
                    // Decided by the upgraded engine from its restored state, written by the upgraded read models.
                    deposits++;
                    for (int i = 0; i < ACCOUNTS; i++) {
                        depositAndCheck("round-" + round + "-" + job.jobName() + "-" + i, i, deposits);
                    }
                }
                JobClasses now = JobClasses.awaitAtMost(taskManager, 2, RELEASE_TIMEOUT);
                System.out.printf("round %d of %d (%d upgrades): %s%n", round, rounds, 2 * round, now);
                assertThat(now.classLoaders()).as("round %d: the running jobs' class loaders only", round).isEqualTo(2);
                if (first == null) {
                    first = now;
                }
                assertThat(now.metaspaceKb()).as("round %d: Metaspace, against %s after the first", round, first)
                        .isLessThanOrEqualTo(first.metaspaceKb() + METASPACE_SLACK_KB);
            }
            assertThat(taskManager.isAlive()).as("the TaskManager the stack started").isTrue();
            for (int i = 0; i < ACCOUNTS; i++) {
                BalanceApi.Answer replay = api.deposit("first-" + i, account(i), DEPOSIT);
                assertThat(replay.replayed()).as("txId first-%d remembered", i).contains("true");
            }
            String verify = HipocCommand.run(repo, "verify", "--data-dir", dataDir.toString(), "--wait-ms", "60000");
            assertThat(verify).containsPattern("verify: \\d+ accounts, \\d+ ledger entries, OK");
            for (int i = 0; i < ACCOUNTS; i++) {
                BalanceApi.Answer read = api.account(account(i));
                assertThat(read.body().path("balance").asLong()).as("%s in Redis", account(i)).isEqualTo(deposits * DEPOSIT);
            }
        }
    }

    /** The engine answers with the account after the deposit: the {@code n}th deposit of the account. */
    private void depositAndCheck(String txId, int account, long n) throws Exception {
        BalanceApi.Answer answer = api.deposit(txId, account(account), DEPOSIT);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.account().path("balance").asLong()).as(txId).isEqualTo(n * DEPOSIT);
        assertThat(answer.account().path("version").asLong()).as(txId).isEqualTo(n);
    }

    private static String account(int i) {
        return "forever-" + i;
    }
}
