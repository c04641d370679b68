package com.hipoc.bench;

import com.hipoc.events.AccountHash;
import com.hipoc.local.Endpoints;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Warmup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real local stack (Flink session cluster, job jar, ingress JVM, Kafka, MariaDB, Redis) over HTTP. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(SharedLocalStack.class)
class LocalStackEndToEndTest {
    private static final String ACCOUNT = "alice";

    private static LocalStack stack;
    private static BalanceApi api;

    @BeforeAll
    static void useStack(LocalStack shared) {
        stack = shared;
        api = new BalanceApi(stack.endpoints().ingressUrl());
    }

    @Test
    void decidesDepositsAndWithdrawalsAndWritesTheReadModels() throws Exception {
        BalanceApi.Answer deposit = api.deposit("e2e-1", ACCOUNT, 1000);
        assertThat(deposit.status()).as(deposit.body().toString()).isEqualTo(200);
        assertThat(deposit.body().path("status").asText()).isEqualTo("APPLIED");
        assertThat(deposit.account().path("balance").asLong()).isEqualTo(1000);
        assertThat(deposit.account().path("version").asLong()).isEqualTo(1);

        BalanceApi.Answer withdrawal = api.withdraw("e2e-2", ACCOUNT, 300);
        assertThat(withdrawal.status()).as(withdrawal.body().toString()).isEqualTo(200);
        assertThat(withdrawal.account().path("balance").asLong()).isEqualTo(700);
        assertThat(withdrawal.account().path("available").asLong()).isEqualTo(700);
        assertThat(withdrawal.account().path("version").asLong()).isEqualTo(2);

        BalanceApi.Answer overdraw = api.withdraw("e2e-3", ACCOUNT, 5000);
        assertThat(overdraw.status()).as(overdraw.body().toString()).isEqualTo(422);
        assertThat(overdraw.body().path("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");

        BalanceApi.Answer retry = api.deposit("e2e-1", ACCOUNT, 1000);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.replayed()).contains("true");
        assertThat(retry.account().path("balance").asLong()).as("the original outcome").isEqualTo(1000);

        Endpoints endpoints = stack.endpoints();
        awaitReadModels(endpoints, 700, 2);
        BalanceApi.Answer read = api.account(ACCOUNT);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("balance").asLong()).isEqualTo(700);
        assertThat(read.body().path("version").asLong()).isEqualTo(2);

        try (Connection c = DriverManager.getConnection(endpoints.services().mysql().jdbcUrl(), "root", "")) {
            assertThat(rows(c, "SELECT seq, balance_after FROM ledger_entries WHERE account_id='" + ACCOUNT + "' ORDER BY seq"))
                    .containsExactly("1:1000", "2:700");
            assertThat(awaitRows(c, "SELECT tx_id, status FROM transactions WHERE account_id='" + ACCOUNT + "' ORDER BY tx_id", 3))
                    .containsExactly("e2e-1:APPLIED", "e2e-2:APPLIED", "e2e-3:REJECTED");
        }
    }

    /** Issue 16: of identical requests in flight at once, the real engine's answers reach one as the original. */
    @Test
    void identicalRequestsInFlightAtOnceGetOneOriginalAnswer() throws Exception {
        int copies = 50;
        ExecutorService clients = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BalanceApi.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return api.deposit("e2e-same", "bob", 25);
                }));
            }
            start.countDown();
            int originals = 0;
            for (Future<BalanceApi.Answer> f : answers) {
                BalanceApi.Answer answer = f.get();
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
                assertThat(answer.account().path("balance").asLong()).as("every answer is the original outcome").isEqualTo(25);
                originals += answer.replayed().filter("true"::equals).isPresent() ? 0 : 1;
            }
            assertThat(originals).as("answers without Idempotent-Replayed").isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
        BalanceApi.Answer next = api.deposit("e2e-after", "bob", 1);
        assertThat(next.account().path("balance").asLong()).as("credited once").isEqualTo(26);
    }

    /** The stack warmed up with accounts of its own (README); it leaves them closed, with no money in them. */
    @Test
    void theWarmUpLeavesItsAccountsClosedAtZero() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.endpoints().services().mysql().jdbcUrl(), "root", "")) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                    rows(c, "SELECT l.balance_after, l.status FROM ledger_entries l WHERE l.account_id LIKE '" + Warmup.NAME_PREFIX + "%'"
                            + " AND l.seq = (SELECT MAX(seq) FROM ledger_entries WHERE account_id = l.account_id)"))
                    .as("each warm-up account's newest ledger row, balance:status").hasSize(64).containsOnly("0:CLOSED"));
            assertThat(rows(c, "SELECT COUNT(*) > 128, MAX(balance_after) > 0 FROM ledger_entries WHERE account_id LIKE '" + Warmup.NAME_PREFIX + "%'"))
                    .as("money went in and out: more rows than an open and a close per account, some with a balance")
                    .containsExactly("1:1");
        }
    }

    /** The transactions sink flushes on its own, possibly a checkpoint after the ledger sink. */
    private static List<String> awaitRows(Connection c, String sql, int count) throws Exception {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> rows(c, sql), found -> found.size() >= count);
    }

    /** Sinks flush at each checkpoint (1 s), so the read models trail the answers a little. */
    private static void awaitReadModels(Endpoints endpoints, long balance, long version) throws Exception {
        String expected = balance + ":" + version;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            try (Connection c = DriverManager.getConnection(endpoints.services().mysql().jdbcUrl(), "root", "");
                 Jedis jedis = new Jedis(endpoints.services().redis().host(), endpoints.services().redis().port())) {
                List<String> account = rows(c, "SELECT balance_after, seq FROM ledger_entries WHERE account_id='" + ACCOUNT
                        + "' ORDER BY seq DESC LIMIT 1");
                Map<String, String> hash = jedis.hgetAll(AccountHash.key(ACCOUNT));
                assertThat(account.isEmpty() ? "" : account.get(0)).as("MySQL newest ledger row balance:version").isEqualTo(expected);
                assertThat(hash.get(AccountHash.BALANCE) + ":" + hash.get(AccountHash.VERSION))
                        .as("Redis account hash balance:version").isEqualTo(expected);
            }
        });
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }
}
