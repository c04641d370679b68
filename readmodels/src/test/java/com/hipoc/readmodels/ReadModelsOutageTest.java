package com.hipoc.readmodels;

import com.hipoc.events.AccountHash;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.CommandType;
import com.hipoc.events.EventJson;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.Topics;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MySQL, then Redis, down while events arrive: the job waits for each, then writes every row. */
@Timeout(240)
class ReadModelsOutageTest {
    private static final int ACCOUNTS = 200;
    private static final int VERSIONS = 10;
    private static Servers servers;

    @BeforeAll
    static void startServers() throws Exception {
        servers = Servers.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        servers.close();
    }

    @Test
    void aStoreDownHoldsTheJobBackAndEveryRowLandsWhenItReturns() throws Exception {
        JobClient job = servers.startJob();
        try (KafkaProducer<byte[], byte[]> producer = servers.producer()) {
            // One store at a time: the writers share the task thread, so one blocked store holds back the other's writes.
            servers.db.close();
            send(producer, 1, VERSIONS / 2);
            Thread.sleep(4_000);
            assertThat(job.getJobStatus().get()).as("the job waits for MySQL, it does not fail").isEqualTo(JobStatus.RUNNING);
            assertThat(servers.metric(job, "writeRetries")).anySatisfy(retries -> assertThat(retries).isPositive());
            assertThat(servers.metric(job, "lagMs")).as("the rows waiting show").anySatisfy(lag -> assertThat(lag).isPositive());
            servers.db.startAgain();
            servers.awaitCaughtUp(120_000);

            servers.redis.close();
            send(producer, VERSIONS / 2 + 1, VERSIONS);
            Thread.sleep(4_000);
            assertThat(job.getJobStatus().get()).as("the job waits for Redis, it does not fail").isEqualTo(JobStatus.RUNNING);
            servers.redis.startAgain();
            servers.awaitCaughtUp(120_000);

            assertThat(servers.metric(job, "lagMs")).containsOnly(0L);
            assertThat(Tables.rows(JdbcEndpoint.of(servers.config), "SELECT COUNT(*), MIN(seq), MAX(seq) FROM ledger_entries"))
                    .containsExactly(ACCOUNTS * VERSIONS + "|1|" + VERSIONS);
            assertThat(Tables.rows(JdbcEndpoint.of(servers.config), "SELECT COUNT(*) FROM transactions"))
                    .containsExactly(Integer.toString(ACCOUNTS * VERSIONS));
            assertThat(Tables.rows(JdbcEndpoint.of(servers.config), "SELECT COUNT(*), MIN(seq), MAX(balance_after) FROM ledger_entries l"
                    + " WHERE seq = (SELECT MAX(seq) FROM ledger_entries WHERE account_id = l.account_id)"))
                    .containsExactly(ACCOUNTS + "|" + VERSIONS + "|" + VERSIONS * 10);
            try (Jedis jedis = RedisEndpoint.of(servers.config).connect()) {
                List<String> keys = List.copyOf(jedis.keys(AccountHash.key("o-*")));
                assertThat(keys).hasSize(ACCOUNTS);
                assertThat(keys).allSatisfy(key -> assertThat(jedis.hget(key, AccountHash.VERSION))
                        .isEqualTo(Integer.toString(VERSIONS)));
            }
        } finally {
            job.cancel().get();
        }
    }

    /** Every account's deposits from version {@code first} to {@code last}. */
    private static void send(KafkaProducer<byte[], byte[]> producer, int first, int last) {
        for (int version = first; version <= last; version++) {
            for (int account = 0; account < ACCOUNTS; account++) {
                BalanceEvent e = deposit("o-" + account, version);
                producer.send(new ProducerRecord<>(Topics.EVENTS, e.account.getBytes(StandardCharsets.UTF_8),
                        EventJson.encode(e)));
            }
        }
        producer.flush();
    }

    private static BalanceEvent deposit(String account, int version) {
        BalanceEvent e = Events.decided(account, account + "-t-" + version, CommandType.DEPOSIT, OutcomeStatus.APPLIED,
                Events.TS + version);
        return Events.answered(Events.changed(e, version, 10, version * 10L, null), account, null, 10);
    }

}
