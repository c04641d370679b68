package com.hipoc.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.hipoc.events.AccountHash;
import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.ingress.http.OutcomeJson;
import com.hipoc.ingress.http.Json;
import com.hipoc.local.ReadModelInserts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads from read models written here the way the engine writes them. */
@ExtendWith(SharedIngressStack.class)
class ReadRoutesTest {
    private static IngressStack stack;
    private static IngressServer server;
    private static TestClient client;
    private static RedisClient redis;

    @BeforeAll
    static void start(IngressStack shared) throws Exception {
        stack = shared;
        server = stack.ingress(Map.of());
        client = TestClient.unsigned(server.port());
        redis = RedisClient.create("127.0.0.1", stack.redis.port());
        try (Connection c = db()) {
            // An account is its newest ledger row: rd-sql's older row must not be what is read.
            c.createStatement().execute(ReadModelInserts.LEDGER
                    + "('rd-sql',6,'tx-6','hold',0,100,900,100,'EUR','ACTIVE',50,NULL,NULL,'2026-11-24 10:00:00.110'),"
                    + " ('rd-sql',7,'tx-7','freeze',0,0,900,100,'EUR','FROZEN',50,NULL,NULL,'2026-11-24 10:00:00.120'),"
                    + " ('rd-both',1,'open:rd-both','open',0,0,1,0,'USD','ACTIVE',0,NULL,NULL,'2026-11-24 10:00:00.000')");
            try (PreparedStatement s = c.prepareStatement(
                    ReadModelInserts.LEDGER + "('rd-led', ?, ?, ?, ?, 0, ?, 0, 'USD', 'ACTIVE', 0, NULL, ?, ?)")) {
                for (int seq = 1; seq <= 25; seq++) {
                    s.setLong(1, seq);
                    s.setString(2, "tx-" + seq);
                    s.setString(3, seq == 1 ? "open" : "deposit");
                    s.setLong(4, seq == 1 ? 0 : 10);
                    s.setLong(5, (seq - 1) * 10L);
                    s.setString(6, seq == 2 ? "someone" : null);
                    s.setString(7, String.format("2026-11-20 10:00:%02d.000", seq));
                    s.addBatch();
                }
                s.executeBatch();
            }
            // As the read-models job writes them: the account the outcome answered, or NULLs when none.
            c.createStatement().execute(ReadModelInserts.TRANSACTIONS + "('rd-tx','withdrawal','REJECTED',2,'ACCOUNT_FROZEN',"
                    + "'rd-sql',NULL,5,'EUR','EUR',900,100,850,7,'FROZEN','2026-11-24 10:00:00.120'),"
                    + " ('rd-gone','deposit','REJECTED',2,'ACCOUNT_NOT_FOUND','rd-nobody',NULL,5,'USD',NULL,NULL,NULL,NULL,"
                    + "NULL,NULL,'2026-11-24 10:00:01.000'),"
                    // A transfer's final status, a row beside its PENDING one (written here first, as a flush may).
                    + " ('rd-transfer','transfer','COMPLETED',2,NULL,'rd-sql','rd-redis',40,'EUR','EUR',860,100,810,8,"
                    + "'ACTIVE','2026-11-24 10:00:02.000'),"
                    + " ('rd-transfer','transfer','PENDING',1,NULL,'rd-sql','rd-redis',40,'EUR','EUR',860,100,810,8,"
                    + "'ACTIVE','2026-11-24 10:00:02.000')");
        }
        redis.hset(AccountHash.key("rd-redis"), Map.of(AccountHash.CURRENCY, "USD", AccountHash.BALANCE, "1000",
                AccountHash.HELD, "300", AccountHash.OVERDRAFT_LIMIT, "100", AccountHash.STATUS, "ACTIVE",
                AccountHash.VERSION, "4", AccountHash.UPDATED_AT, "1795514400123"));
        redis.hset(AccountHash.key("rd-both"), Map.of(AccountHash.CURRENCY, "USD", AccountHash.BALANCE, "2",
                AccountHash.HELD, "0", AccountHash.OVERDRAFT_LIMIT, "0", AccountHash.STATUS, "ACTIVE",
                AccountHash.VERSION, "2", AccountHash.UPDATED_AT, "1795514400123"));
    }

    @AfterAll
    static void stop() {
        redis.close();
        server.close();
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(stack.mariaDb.jdbcUrl(), "root", "");
    }

    @Test
    void accountFromRedis() {
        HttpResponse<String> r = client.get("/v1/accounts/rd-redis");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = TestClient.json(r);
        assertThat(a.get("account").asText()).isEqualTo("rd-redis");
        assertThat(a.get("balance").asLong()).isEqualTo(1000);
        assertThat(a.get("held").asLong()).isEqualTo(300);
        assertThat(a.get("available").asLong()).isEqualTo(800);
        assertThat(a.get("version").asLong()).isEqualTo(4);
        assertThat(a.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(a.get("updatedAt").asText()).isEqualTo("2026-11-24T10:00:00.123Z");
    }

    @Test
    void redisIsPreferredOverMySql() {
        assertThat(TestClient.json(client.get("/v1/accounts/rd-both")).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void accountFromMySqlWhenRedisHasNone() {
        JsonNode a = TestClient.json(client.get("/v1/accounts/rd-sql"));
        assertThat(a.get("currency").asText()).isEqualTo("EUR");
        assertThat(a.get("available").asLong()).isEqualTo(850);
        assertThat(a.get("status").asText()).isEqualTo("FROZEN");
        assertThat(a.get("version").asLong()).isEqualTo(7);
        assertThat(a.get("updatedAt").asText()).isEqualTo("2026-11-24T10:00:00.120Z");
    }

    @Test
    void unknownAccountIs404() {
        HttpResponse<String> r = client.get("/v1/accounts/rd-nobody");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(r).get("code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(client.get("/v1/accounts/rd-nobody/entries").statusCode()).isEqualTo(404);
        assertThat(client.get("/v1/accounts/rd-nobody/balance").statusCode()).isEqualTo(404);
        assertThat(client.get("/v1/accounts/bad%20id").statusCode()).isEqualTo(400);
    }

    @Test
    void entriesPageNewestFirstWithNext() {
        JsonNode first = TestClient.json(client.get("/v1/accounts/rd-led/entries?limit=10"));
        assertThat(first.get("entries")).hasSize(10);
        assertThat(first.get("entries").get(0).get("seq").asLong()).isEqualTo(25);
        assertThat(first.get("next").asLong()).isEqualTo(16);
        JsonNode second = TestClient.json(client.get("/v1/accounts/rd-led/entries?limit=10&before=16"));
        assertThat(second.get("entries").get(0).get("seq").asLong()).isEqualTo(15);
        JsonNode last = TestClient.json(client.get("/v1/accounts/rd-led/entries?limit=10&before=6"));
        assertThat(last.get("entries")).hasSize(5);
        assertThat(last.get("next").isNull()).isTrue();
        JsonNode e2 = last.get("entries").get(3);
        assertThat(e2.get("seq").asLong()).isEqualTo(2);
        assertThat(e2.get("txId").asText()).isEqualTo("tx-2");
        assertThat(e2.get("kind").asText()).isEqualTo("deposit");
        assertThat(e2.get("amount").asLong()).isEqualTo(10);
        assertThat(e2.get("heldDelta").asLong()).isZero();
        assertThat(e2.get("balanceAfter").asLong()).isEqualTo(10);
        assertThat(e2.get("counterparty").asText()).isEqualTo("someone");
        assertThat(e2.get("createdAt").asText()).isEqualTo("2026-11-20T10:00:02.000Z");
        assertThat(TestClient.json(client.get("/v1/accounts/rd-led/entries")).get("entries")).hasSize(25);
        for (String bad : new String[]{"limit=0", "limit=1001", "limit=x", "before=0", "before=-1", "before=99999999999999999999"}) {
            HttpResponse<String> r = client.get("/v1/accounts/rd-led/entries?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(TestClient.json(r).get("code").asText()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void balanceAtAnInstantFromTheLedger() {
        JsonNode at = TestClient.json(client.get("/v1/accounts/rd-led/balance?at=2026-11-20T10:00:05.500Z"));
        assertThat(at.get("balance").asLong()).isEqualTo(40);
        assertThat(at.get("seq").asLong()).isEqualTo(5);
        assertThat(at.get("at").asText()).isEqualTo("2026-11-20T10:00:05.500Z");
        JsonNode offset = TestClient.json(client.get("/v1/accounts/rd-led/balance?at=2026-11-20T11:00:05%2B01:00"));
        assertThat(offset.get("balance").asLong()).isEqualTo(40);
        JsonNode before = TestClient.json(client.get("/v1/accounts/rd-led/balance?at=2026-01-01T00:00:00Z"));
        assertThat(before.get("balance").asLong()).isZero();
        assertThat(before.get("seq").asLong()).isZero();
        assertThat(TestClient.json(client.get("/v1/accounts/rd-led/balance")).get("balance").asLong()).isEqualTo(240);
        assertThat(client.get("/v1/accounts/rd-led/balance?at=yesterday").statusCode()).isEqualTo(400);
    }

    /** Byte for byte the body of the command's own answer (OutcomeJson.body of the engine's outcome). */
    @Test
    void transactionOutcomeFromMySql() {
        Outcome frozen = outcome("rd-tx", CommandType.WITHDRAWAL, RejectReason.ACCOUNT_FROZEN, 1795514400120L);
        frozen.account = new AccountView("rd-sql", "EUR", 900, 100, 850, 7, AccountStatus.FROZEN);
        HttpResponse<String> r = client.get("/v1/transactions/rd-tx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"txId\":\"rd-tx\",\"type\":\"withdrawal\",\"status\":\"REJECTED\","
                        + "\"reason\":\"ACCOUNT_FROZEN\",\"account\":{\"account\":\"rd-sql\",\"currency\":\"EUR\","
                        + "\"balance\":900,\"held\":100,\"available\":850,\"version\":7,\"status\":\"FROZEN\"},"
                        + "\"acceptedAt\":\"2026-11-24T10:00:00.120Z\"}")
                .isEqualTo(answer(frozen));

        Outcome noAccount = outcome("rd-gone", CommandType.DEPOSIT, RejectReason.ACCOUNT_NOT_FOUND, 1795514401000L);
        assertThat(client.get("/v1/transactions/rd-gone").body()).isEqualTo(answer(noAccount)).doesNotContain("\"account\"");

        HttpResponse<String> missing = client.get("/v1/transactions/rd-none");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(missing).get("code").asText()).isEqualTo("TRANSACTION_NOT_FOUND");
    }

    @Test
    void aTransferAnswersWithItsFinalStatusNotItsPendingOne() {
        Outcome completed = outcome("rd-transfer", CommandType.TRANSFER, null, 1795514402000L);
        completed.status = OutcomeStatus.COMPLETED;
        completed.account = new AccountView("rd-sql", "EUR", 860, 100, 810, 8, AccountStatus.ACTIVE);
        assertThat(client.get("/v1/transactions/rd-transfer").body()).isEqualTo(answer(completed));
    }

    private static Outcome outcome(String txId, CommandType type, RejectReason reason, long acceptedAt) {
        Outcome o = new Outcome();
        o.txId = txId;
        o.type = type;
        o.status = OutcomeStatus.REJECTED;
        o.reason = reason;
        o.acceptedAt = acceptedAt;
        o.replyPartition = 1;
        return o;
    }

    private static String answer(Outcome o) {
        return new String(Json.bytes(OutcomeJson.body(o)), StandardCharsets.UTF_8);
    }
}
