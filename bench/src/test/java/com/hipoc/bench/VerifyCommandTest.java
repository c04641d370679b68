package com.hipoc.bench;

import com.hipoc.events.AccountHash;
import com.hipoc.local.LocalStack;
import com.hipoc.local.RepoLayout;
import com.hipoc.local.readmodels.ReadModelStores;
import com.hipoc.local.readmodels.Verification;
import com.hipoc.local.readmodels.VerifyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hipoc verify} after real traffic through HTTP: it passes, then names each row changed
 * by hand, then passes again once they are put back (the stack is shared with other classes).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(SharedLocalStack.class)
class VerifyCommandTest {
    private static LocalStack stack;
    private static BalanceApi api;

    @BeforeAll
    static void useStack(LocalStack shared) {
        stack = shared;
        api = new BalanceApi(stack.endpoints().ingressUrl());
    }

    @Test
    void passesAfterARunAndNamesEveryRowChangedByHand() throws Exception {
        sendTraffic();
        String out = HipocCommand.run(RepoLayout.locate(), "verify", "--data-dir", stack.dataDir().toString(), "--wait-ms", "60000");
        assertThat(out).containsPattern("verify: \\d+ accounts, \\d+ ledger entries, OK");

        ReadModelStores stores = ReadModelStores.locate(stack.dataDir(), Map.of());
        try (Connection c = stores.mysql().connect(); Statement s = c.createStatement(); Jedis jedis = stores.redis().connect()) {
            // The newest ledger row is the account.
            s.execute("UPDATE ledger_entries SET balance_after = balance_after + 1 WHERE account_id = 'verify-a'"
                    + " ORDER BY seq DESC LIMIT 1");
            s.execute("UPDATE ledger_entries SET held_after = held_after + 7 WHERE account_id = 'verify-a' AND seq = 1");
            s.execute("CREATE TEMPORARY TABLE removed AS SELECT * FROM ledger_entries WHERE account_id = 'verify-b' AND seq = 2");
            s.execute("DELETE FROM ledger_entries WHERE account_id = 'verify-b' AND seq = 2");
            String held = jedis.hget(AccountHash.key("verify-c"), AccountHash.HELD);
            jedis.hset(AccountHash.key("verify-c"), AccountHash.HELD, "999");

            Run tampered = verify(stores);
            assertThat(tampered.report().ok()).isFalse();
            assertThat(tampered.output())
                    .containsPattern("verify: \\d+ accounts, \\d+ ledger entries, \\d+ mismatches")
                    .containsPattern("verify-a: ledger seq \\d+ balance_after \\d+ != previous")
                    .contains("verify-a: ledger seq 1 held_after 7 != previous 0 + held_delta 0")
                    .contains("verify-a: Redis balance")
                    .contains("verify-b: ledger seq 3 follows seq 1")
                    .contains("verify-c: Redis held 999 != MySQL " + held)
                    .contains("totals: sum of balances");

            s.execute("UPDATE ledger_entries SET balance_after = balance_after - 1 WHERE account_id = 'verify-a'"
                    + " ORDER BY seq DESC LIMIT 1");
            s.execute("UPDATE ledger_entries SET held_after = held_after - 7 WHERE account_id = 'verify-a' AND seq = 1");
            s.execute("INSERT INTO ledger_entries SELECT * FROM removed");
            jedis.hset(AccountHash.key("verify-c"), AccountHash.HELD, held);
        }
        Run restored = verify(stores);
        assertThat(restored.report().ok()).as(restored.output()).isTrue();
    }

    /** Deposits, a withdrawal, a completed and a refunded transfer, a captured and an open hold. */
    private static void sendTraffic() throws Exception {
        expect(api.deposit("verify-1", "verify-a", 10_000), 200);
        expect(api.deposit("verify-2", "verify-b", 5_000), 200);
        expect(api.withdraw("verify-3", "verify-a", 1_500), 200);
        expect(api.transfer("verify-4", "verify-a", "verify-b", 2_000), 200);
        expect(api.withdraw("verify-5", "verify-b", 100_000), 422);
        expect(api.open("verify-eur", "EUR"), 200);
        BalanceApi.Answer refused = expect(api.transfer("verify-6", "verify-b", "verify-eur", 700), 422);
        assertThat(refused.body().path("outcomeStatus").asText()).as(refused.body().toString()).isEqualTo("FAILED");
        expect(api.hold("verify-7", "verify-b", 300), 200);
        expect(api.capture("verify-8", "verify-b", "verify-7"), 200);
        expect(api.deposit("verify-9", "verify-c", 800), 200);
        expect(api.hold("verify-10", "verify-c", 250), 200);
    }

    private static BalanceApi.Answer expect(BalanceApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer;
    }

    private record Run(VerifyReport report, String output) {
    }

    private static Run verify(ReadModelStores stores) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VerifyReport report;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            report = Verification.run(stores, Duration.ZERO, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        return new Run(report, output);
    }
}
