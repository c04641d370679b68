package com.hipoc.readmodels;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.CommandType;
import com.hipoc.events.EventJson;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.events.Topics;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole read-models job at full speed: the events the engine writes for N commands of the
 * bench's standard mix (28% deposits, 28% withdrawals, 2% refused, 25% transfers, 12% holds and
 * their ends, 5% repeats, which write no event) over 100,000 accounts, produced first, then read
 * by the job at parallelism 2 until its group has committed them all. Prints events per second
 * (job start-up included) and CPU microseconds per command of MariaDB, Redis and the job's own
 * threads (task threads, Kafka fetchers, store writers: the broker shares this JVM, so the JVM's
 * total would overstate the job). Asserts only that the job wrote every event (it refused none);
 * not part of the CI suite:
 * <pre>mvn -B -o -pl readmodels -am test -Dtest=ReadModelsJobMeasurement -Dhipoc.measure.job=300000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "hipoc.measure.job", matches = "\\d+")
class ReadModelsJobMeasurement {
    private static final int ACCOUNTS = 100_000;

    @Test
    void measuresTheJob() throws Exception {
        int commands = Integer.getInteger("hipoc.measure.job");
        try (Servers servers = Servers.start()) {
            int events;
            try (KafkaProducer<byte[], byte[]> producer = servers.producer()) {
                events = produce(producer, commands);
            }
            StoreCpu stores = StoreCpu.of(JdbcEndpoint.of(servers.config), RedisEndpoint.of(servers.config));
            long mariadb = stores.mariadbNanos();
            long redis = stores.redisNanos();
            long started = System.nanoTime();
            JobClient job = servers.startJob();
            long jobNanos;
            long refused;
            try {
                servers.awaitCaughtUp(1_800_000);
                jobNanos = jobThreadsNanos();
                refused = servers.metric(job, "undecodableEvents").stream().mapToLong(Long::longValue).sum();
            } finally {
                job.cancel().get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("read-models job: %d commands, %d events in %.1f s: %,.0f events/s; CPU per command:"
                            + " MariaDB %.2f µs, Redis %.2f µs, job threads %.2f µs%n", commands, events, seconds,
                    events / seconds, (stores.mariadbNanos() - mariadb) / 1e3 / commands,
                    (stores.redisNanos() - redis) / 1e3 / commands, jobNanos / 1e3 / commands);
            // A refused event writes no row, so the figures would flatter the stores.
            assertThat(refused).as("events the job refused to write").isZero();
        }
    }

    /** @return how many events the commands made */
    private static int produce(KafkaProducer<byte[], byte[]> producer, int commands) {
        SplittableRandom random = new SplittableRandom(42);
        long[] versions = new long[ACCOUNTS];
        int events = 0;
        for (int i = 0; i < commands; i++) {
            int kind = random.nextInt(100);
            int account = random.nextInt(ACCOUNTS);
            // Random first, as clients' txIds are: in order they would fill the tx_id index's last page only.
            String txId = Long.toHexString(random.nextLong()) + "-" + i;
            long ts = Events.TS + i;
            if (kind < 56 || kind >= 83 && kind < 95) {
                events += send(producer, applied(account(account), txId, ts, ++versions[account]));
            } else if (kind < 58) {
                events += send(producer, Events.answered(Events.refused(Events.decided(account(account), txId,
                        CommandType.WITHDRAWAL, OutcomeStatus.REJECTED, ts), RejectReason.INSUFFICIENT_FUNDS, 0,
                        versions[account]), account(account), null, 1));
            } else if (kind < 83) {
                int to = random.nextInt(ACCOUNTS);
                events += send(producer, Events.answered(Events.changed(Events.decided(account(account), txId,
                        CommandType.TRANSFER, OutcomeStatus.PENDING, ts), ++versions[account], -1, 0, account(to)),
                        account(account), account(to), 1));
                BalanceEvent credit = Events.answered(Events.changed(Events.decided(account(to), txId,
                        CommandType.TRANSFER_CREDIT, OutcomeStatus.COMPLETED, ts), ++versions[to], 1, 0, account(account)),
                        account(account), account(to), 1);
                // Decided at the destination, answered with the source as its debit left it, like the engine's.
                credit.outcome.account = Events.view(account(account), 0, versions[account]);
                events += send(producer, credit);
                events += send(producer, Events.decided(account(account), txId, CommandType.TRANSFER_SETTLED,
                        OutcomeStatus.COMPLETED, ts));
            }
        }
        producer.flush();
        return events;
    }

    private static BalanceEvent applied(String account, String txId, long ts, long version) {
        BalanceEvent e = Events.decided(account, txId, CommandType.DEPOSIT, OutcomeStatus.APPLIED, ts);
        return Events.answered(Events.changed(e, version, 1, version, null), account, null, 1);
    }

    private static String account(int n) {
        return "acct-" + n;
    }

    private static int send(KafkaProducer<byte[], byte[]> producer, BalanceEvent e) {
        producer.send(new ProducerRecord<>(Topics.EVENTS, e.account.getBytes(StandardCharsets.UTF_8), EventJson.encode(e)));
        return 1;
    }

    /** CPU of the job's live threads: its tasks (named after the source's chain), fetchers and store writers. */
    private static long jobThreadsNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && (t.getThreadName().contains(OperatorIds.EVENT_SOURCE.name())
                    || t.getThreadName().startsWith("sink writer "))) {
                nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return nanos;
    }
}
