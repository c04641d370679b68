package com.hipoc.readmodels;

import com.hipoc.events.AccountHash;
import com.hipoc.streaming.LocalFlink;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.local.EmbeddedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis sink against a real Redis: version-guarded hashes, script reloads, and an outage. */
@Timeout(120)
class RedisSinkTest {
    private static Path dataDir;
    private static EmbeddedRedis redis;
    private static RedisEndpoint endpoint;

    @BeforeAll
    static void startRedis() throws Exception {
        dataDir = LocalFlink.storeDir("redis");
        redis = EmbeddedRedis.start(dataDir, 0);
        endpoint = new RedisEndpoint("127.0.0.1", redis.port());
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    private static void writeAndFlush(RedisAccountWriter writer, List<AccountSnapshot> snapshots) throws Exception {
        for (AccountSnapshot s : snapshots) {
            writer.write(s, null);
        }
        writer.flush(false);
    }

    private static Map<String, String> hash(String account) {
        try (Jedis jedis = endpoint.connect()) {
            return jedis.hgetAll(AccountHash.key(account));
        }
    }

    @Test
    void writesTheAccountHashLayoutTheIngressReads() throws Exception {
        AccountSnapshot alice = Rows.account("alice", 3, 700);
        try (RedisAccountWriter writer = new RedisAccountWriter(endpoint, 1000, Rows.metrics())) {
            writeAndFlush(writer, List.of(alice));
        }
        assertThat(hash("alice")).isEqualTo(Map.of(
                AccountHash.CURRENCY, "USD",
                AccountHash.BALANCE, "700",
                AccountHash.HELD, "3",
                AccountHash.OVERDRAFT_LIMIT, "0",
                AccountHash.STATUS, "ACTIVE",
                AccountHash.VERSION, "3",
                AccountHash.UPDATED_AT, Long.toString(Rows.TS + 3)));
    }

    @Test
    void onlyANewerVersionChangesTheHashAndEachFlushCoalescesPerAccount() throws Exception {
        SinkMetrics metrics = Rows.metrics();
        try (RedisAccountWriter writer = new RedisAccountWriter(endpoint, 1000, metrics)) {
            writeAndFlush(writer, List.of(Rows.account("carol", 1, 10), Rows.account("carol", 5, 50),
                    Rows.account("carol", 4, 40)));
            assertThat(metrics.rowsWritten().getCount()).isEqualTo(1);
            Map<String, String> v5 = hash("carol");
            assertThat(v5).containsEntry(AccountHash.VERSION, "5").containsEntry(AccountHash.BALANCE, "50");

            writeAndFlush(writer, List.of(Rows.account("carol", 5, 50)));
            writeAndFlush(writer, List.of(Rows.account("carol", 2, 20)));
            assertThat(hash("carol")).isEqualTo(v5);

            writeAndFlush(writer, List.of(Rows.account("carol", 6, 60)));
            assertThat(hash("carol")).containsEntry(AccountHash.VERSION, "6").containsEntry(AccountHash.BALANCE, "60");
        }
    }

    @Test
    void reloadsTheScriptWhenRedisForgotIt() throws Exception {
        SinkMetrics metrics = Rows.metrics();
        try (RedisAccountWriter writer = new RedisAccountWriter(endpoint, 1000, metrics);
             Jedis admin = endpoint.connect()) {
            writeAndFlush(writer, List.of(Rows.account("dave", 1, 10)));
            admin.scriptFlush();
            writeAndFlush(writer, List.of(Rows.account("dave", 2, 20)));
        }
        assertThat(hash("dave")).containsEntry(AccountHash.VERSION, "2");
        assertThat(metrics.retries().getCount()).isZero();
    }

    @Test
    void aRedisOutageMidStreamHoldsTheWriterBackAndLosesNothing() throws Exception {
        int accounts = 20_000;
        SinkMetrics metrics = Rows.metrics();
        RedisAccountWriter writer = new RedisAccountWriter(endpoint, 500, metrics);
        OutageStream stream = OutageStream.start(writer, metrics, accounts, i -> Rows.account("o-" + i, 1 + i % 7, i));
        int port = redis.port();
        redis.close();
        Thread.sleep(3_000);
        assertThat(stream.isRunning()).as("the writer waits for Redis").isTrue();
        assertThat(metrics.lag().getValue()).as("rows wait, and their lag shows it").isPositive();
        redis = EmbeddedRedis.start(dataDir, port);
        assertThat(stream.finish(60_000)).isEmpty();
        writer.close();

        assertThat(metrics.retries().getCount()).isPositive();
        assertThat(metrics.rowsWritten().getCount()).isEqualTo(accounts);
        assertThat(metrics.lag().getValue()).isZero();
        try (Jedis jedis = endpoint.connect()) {
            assertThat(jedis.keys("acct:o-*")).hasSize(accounts);
            assertThat(jedis.hget(AccountHash.key("o-19999"), AccountHash.VERSION)).isEqualTo(Integer.toString(1 + 19999 % 7));
        }
    }
}
