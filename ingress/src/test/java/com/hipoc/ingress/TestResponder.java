package com.hipoc.ingress;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * TEST SUPPORT ONLY: a tiny stand-in for the Flink engine, which lives in another module. It
 * reads {@code balance.commands} and writes an outcome to the partition each command names.
 * Its rules are just enough to drive every HTTP answer:
 * <ul>
 * <li>every outcome carries the {@code requestId} and goes to the {@code replyPartition} of the
 *     record it answers, as the engine's do;</li>
 * <li>a repeated txId answers the latest outcome with {@code replayed}, or IDEMPOTENCY_CONFLICT
 *     when the amount or account differ;</li>
 * <li>a withdrawal, hold or transfer above the balance is REJECTED INSUFFICIENT_FUNDS;</li>
 * <li>a transfer answers PENDING then COMPLETED, only PENDING when {@code to} starts with
 *     {@code stuck-}, or PENDING then FAILED ACCOUNT_CLOSED (refunded) when it starts with
 *     {@code closed-};</li>
 * <li>an account starting with {@code silent-} gets no outcome at all;</li>
 * <li>an account starting with {@code load-} is APPLIED and nothing is remembered (no balance, no
 *     replay), so the millions of commands of {@link IngressThroughputMeasurement} fit the heap.</li>
 * </ul>
 */
final class TestResponder implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Command> decidedCommands = new HashMap<>();
    private final Map<String, Outcome> decided = new HashMap<>();
    final Queue<Command> received = new ConcurrentLinkedQueue<>();
    final Map<String, Integer> replyPartitionByTxId = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::run, "test-responder");
    private volatile boolean closing;

    TestResponder(String brokers, int commandPartitions) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", brokers), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", brokers, "linger.ms", 0), new ByteArraySerializer(), new ByteArraySerializer());
        List<TopicPartition> partitions = IntStream.range(0, commandPartitions)
                .mapToObj(p -> new TopicPartition(Topics.COMMANDS, p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    decide(WireJson.decode(record.value(), Command.class));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            consumer.close();
        }
    }

    private void decide(Command c) {
        if (c.account.startsWith("load-")) {
            reply(c, outcome(c, OutcomeStatus.APPLIED, null));
            return;
        }
        received.add(c);
        replyPartitionByTxId.put(c.txId, c.replyPartition);
        if (c.account.startsWith("silent-")) {
            return;
        }
        Outcome earlier = decided.get(c.txId);
        if (earlier != null) {
            Command first = decidedCommands.get(c.txId);
            boolean same = first.account.equals(c.account) && java.util.Objects.equals(first.amount, c.amount);
            reply(c, same ? replay(earlier, c) : outcome(c, OutcomeStatus.REJECTED, RejectReason.IDEMPOTENCY_CONFLICT));
            return;
        }
        long balance = balances.getOrDefault(c.account, 0L);
        long amount = c.amount == null ? 0 : c.amount;
        boolean debit = c.type == CommandType.WITHDRAWAL || c.type == CommandType.TRANSFER || c.type == CommandType.HOLD;
        Outcome outcome;
        if (debit && amount > balance) {
            outcome = outcome(c, OutcomeStatus.REJECTED, RejectReason.INSUFFICIENT_FUNDS);
        } else {
            balances.put(c.account, c.type == CommandType.DEPOSIT ? balance + amount : debit ? balance - amount : balance);
            outcome = outcome(c, c.type == CommandType.TRANSFER ? OutcomeStatus.PENDING : OutcomeStatus.APPLIED, null);
        }
        decided.put(c.txId, outcome);
        decidedCommands.put(c.txId, c);
        reply(c, outcome);
        if (outcome.status == OutcomeStatus.PENDING && !c.counterparty.startsWith("stuck-")) {
            Outcome last = c.counterparty.startsWith("closed-") ? refund(c) : outcome(c, OutcomeStatus.COMPLETED, null);
            decided.put(c.txId, last);
            reply(c, last);
        }
    }

    private Outcome refund(Command transfer) {
        balances.merge(transfer.account, transfer.amount, Long::sum);
        return outcome(transfer, OutcomeStatus.FAILED, RejectReason.ACCOUNT_CLOSED);
    }

    private Outcome outcome(Command c, OutcomeStatus status, RejectReason reason) {
        Outcome o = new Outcome();
        o.txId = c.txId;
        o.type = c.type;
        o.status = status;
        o.reason = reason;
        o.acceptedAt = c.ts;
        o.replyPartition = c.replyPartition;
        o.requestId = c.requestId;
        long balance = balances.getOrDefault(c.account, 0L);
        o.account = new AccountView(c.account, c.currency, balance, 0, balance, 1, AccountStatus.ACTIVE);
        return o;
    }

    private static Outcome replay(Outcome earlier, Command repeat) {
        Outcome r = WireJson.MAPPER.convertValue(earlier, Outcome.class);
        r.replayed = true;
        r.replyPartition = repeat.replyPartition;
        r.requestId = repeat.requestId;
        return r;
    }

    private void reply(Command c, Outcome outcome) {
        if (c.replyPartition >= 0) {
            producer.send(new ProducerRecord<>(Topics.RESULTS, c.replyPartition, null, WireJson.encode(outcome)));
        }
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
