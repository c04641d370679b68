package com.hipoc.ingress.kafka;

import com.hipoc.config.HipocConfig;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.Topics;
import com.hipoc.events.WireJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands each outcome on this instance's partition of {@code balance.results} to the request
 * whose record it answers, by the {@code requestId} given to that request's command: of identical
 * requests in flight, each gets the outcome made for its own record (the original or a replay),
 * never another's. The partition is assigned, not subscribed: no group, no rebalance, and
 * reading starts at the end because an outcome older than this process has no one waiting.
 * Waiters are bounded: past {@code INGRESS_MAX_PENDING} a request is refused with 503 rather
 * than queued without limit.
 */
public final class ReplyRouter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyRouter.class);

    private final Consumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final int maxPending;
    private final Map<Long, PendingReply> waiting = new ConcurrentHashMap<>();
    private final RequestIds requestIds = RequestIds.randomStart();
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter received;
    private final Thread poller;
    private volatile boolean ready;
    private volatile boolean closing;

    public ReplyRouter(HipocConfig config, MeterRegistry registry) {
        this.partition = new TopicPartition(Topics.RESULTS, config.ingress().instance());
        this.maxPending = config.ingress().maxPending();
        this.consumer = new KafkaConsumer<>(settings(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.received = Counter.builder("ingress.outcomes.received").register(registry);
        Gauge.builder("ingress.pending.replies", pending, AtomicInteger::get)
                .description("requests waiting for an outcome").register(registry);
        this.poller = new Thread(this::run, "reply-router-" + config.ingress().instance());
        this.poller.setDaemon(true);
    }

    private static Map<String, Object> settings(HipocConfig config) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().brokers());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.kafka().clientId() + "-ingress-" + config.ingress().instance() + "-replies");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // An outcome is waited for by a live request: hand it over as soon as the broker has it.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return c;
    }

    public void start() {
        poller.start();
    }

    public boolean isReady() {
        return ready;
    }

    public int pending() {
        return pending.get();
    }

    /** Too many requests are waiting for outcomes to register more: nothing was registered. */
    public static final class TooManyWaiting extends RuntimeException {
        TooManyWaiting() {
            super("too many requests are waiting for outcomes; retry shortly");
        }
    }

    /**
     * Gives each command a new requestId and registers a waiter for it, all or none. Register
     * before producing, or a fast outcome could arrive before its waiter.
     *
     * @throws TooManyWaiting when they would exceed the bound
     */
    public List<PendingReply> expect(List<Command> commands) {
        if (pending.addAndGet(commands.size()) > maxPending) {
            pending.addAndGet(-commands.size());
            throw new TooManyWaiting();
        }
        List<PendingReply> replies = new ArrayList<>(commands.size());
        for (Command command : commands) {
            long requestId = requestIds.next();
            command.requestId = requestId;
            PendingReply reply = new PendingReply(command.type == CommandType.TRANSFER);
            waiting.put(requestId, reply);
            reply.decided().whenComplete((outcome, error) -> forget(requestId));
            replies.add(reply);
        }
        return replies;
    }

    private void forget(long requestId) {
        waiting.remove(requestId);
        pending.decrementAndGet();
    }

    private void run() {
        try {
            while (!closing && !ready) {
                ready = assignAtEnd();
            }
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(record.value(), record.timestamp());
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up
        } catch (RuntimeException e) {
            ready = false;
            LOG.error("reply consumer stopped; this instance cannot answer with outcomes any more", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean assignAtEnd() {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.RESULTS, Duration.ofSeconds(5));
            if (partitions.size() <= partition.partition()) {
                LOG.error("{} has {} partitions; INGRESS_INSTANCE={} needs at least {}", Topics.RESULTS,
                        partitions.size(), partition.partition(), partition.partition() + 1);
                Thread.sleep(2000);
                return false;
            }
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition, Duration.ofSeconds(5));
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("waiting for Kafka to read {}: {}", partition, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
            return false;
        }
    }

    private void dispatch(byte[] value, long producedAtMs) {
        Outcome outcome;
        try {
            outcome = WireJson.decode(value, Outcome.class);
        } catch (IOException e) {
            LOG.warn("skipping an undecodable record on {}: {}", partition, e.getMessage());
            return;
        }
        received.increment();
        PendingReply reply = waiting.get(outcome.requestId);
        if (reply != null) {
            reply.offer(outcome, producedAtMs);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        poller.join(5000);
    }
}
