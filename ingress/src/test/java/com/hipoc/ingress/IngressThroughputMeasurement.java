package com.hipoc.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

import static com.hipoc.ingress.TestRequests.batchItem;
import static com.hipoc.ingress.TestRequests.money;

/**
 * The ingress alone at scale (issue 15): the test responder stands in for the engine over the
 * embedded Kafka, and an {@link OpenLoopClient} in this JVM sends deposits at a fixed rate, first
 * one command a request, then batches of 1000. Each load runs 10 s to warm up, then is measured:
 * throughput, latency from when each request was due, the answers' Server-Timing stages, and CPU
 * µs per command of each part of this JVM (the ingress's threads, the load generator's own thread,
 * Kafka's broker with the responder, and the VM's own threads: GC, JIT). Prints figures, asserts
 * none; not part of the suite:
 * <pre>mvn -B -o -pl ingress -am test -Dtest=IngressThroughputMeasurement -Dhipoc.measure.ingress=20000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * {@code hipoc.measure.ingress} is single commands a second (0 skips them);
 * {@code -Dhipoc.measure.batchRate=N} commands a second in batches of 1000 (100000; 0 skips them),
 * {@code -Dhipoc.measure.seconds=N} how long each is measured (20),
 * {@code -Dhipoc.measure.connections=N} the keep-alive connections (256).
 */
@EnabledIfSystemProperty(named = "hipoc.measure.ingress", matches = "\\d+")
@ExtendWith(SharedIngressStack.class)
class IngressThroughputMeasurement {
    private static final int BATCH = 1000;
    private static final int WARM_UP_SECONDS = 10;
    private static final int ACCOUNTS = 10_000;

    private final int singleRate = Integer.getInteger("hipoc.measure.ingress");
    private final int batchRate = Integer.getInteger("hipoc.measure.batchRate", 100_000);
    private final int seconds = Integer.getInteger("hipoc.measure.seconds", 20);
    private final int connections = Integer.getInteger("hipoc.measure.connections", 256);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void measuresTheIngressAlone(IngressStack stack) throws Exception {
        System.out.printf("pid %d, %d connections%n", ProcessHandle.current().pid(), connections);
        try (IngressServer server = stack.ingress(Map.of());
             OpenLoopClient client = new OpenLoopClient(server.port(), connections)) {
            if (singleRate > 0) {
                measure(client, "singles, warm-up", singleRate, 1, WARM_UP_SECONDS, i -> single("w", i));
                measure(client, "singles", singleRate, 1, seconds, i -> single("m", i));
            }
            if (batchRate > 0) {
                measure(client, "batches, warm-up", batchRate, BATCH, WARM_UP_SECONDS, i -> batch("w", i));
                measure(client, "batches", batchRate, BATCH, seconds, i -> batch("m", i));
            }
        }
    }

    private void measure(OpenLoopClient client, String name, int commandRate, int perRequest, int runSeconds,
                         IntFunction<byte[]> request) throws Exception {
        double requestRate = (double) commandRate / perRequest;
        Cpu before = Cpu.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%s %s at %,d commands/s for %d s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), name,
                commandRate, runSeconds);
        OpenLoopClient.Result r = client.run((int) (requestRate * runSeconds), requestRate, request);
        Cpu used = Cpu.now().minus(before);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long commands = (long) r.answered() * perRequest;
        System.out.printf("  %,d of %,d requests answered in %.1f s, %,.0f commands/s, %,d APPLIED, statuses %s;"
                        + " load average %.1f -> %.1f%n", r.answered(), r.due(), r.seconds(), commands / r.seconds(),
                r.applied(), new TreeMap<>(r.statuses()), loadBefore, loadAfter);
        System.out.printf("  latency from due, ms: %s; sent late by: %s%n", percentiles(r.latencies()),
                percentiles(r.sendLags()));
        new TreeMap<>(r.stages()).forEach((stage, millis) -> System.out.printf("  Server-Timing %-8s ms: %s%n", stage,
                percentiles(Arrays.stream(millis).mapToLong(ms -> (long) (ms * 1e6)).toArray())));
        used.print(commands);
    }

    private static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "none";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        StringBuilder s = new StringBuilder();
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            s.append(String.format("p%.0f %.1f, ", q * 100, sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e6));
        }
        return s.append(String.format("max %.1f", sorted[sorted.length - 1] / 1e6)).toString();
    }

    private byte[] single(String phase, int i) {
        return request("/v1/deposits", money(run + "-" + phase + i, account(i), 100));
    }

    private byte[] batch(String phase, int i) {
        StringBuilder body = new StringBuilder(BATCH * 90).append("{\"commands\":[");
        for (int j = 0; j < BATCH; j++) {
            body.append(j == 0 ? "" : ",")
                    .append(batchItem("deposit", money(run + "-" + phase + i + "-" + j, account(i * BATCH + j), 100)));
        }
        return request("/v1/batch", body.append("]}").toString());
    }

    /** Accounts the responder decides without remembering them (see {@link TestResponder}). */
    private static String account(int i) {
        return "load-" + i % ACCOUNTS;
    }

    private static byte[] request(String path, String body) {
        return RawConnection.request("POST", path, "", body).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * CPU time of this JVM by part. The ingress's threads are its HTTP pool (Jetty's selectors
     * and handlers), the reply consumer, its producer's network thread and the JDK's pools its
     * futures use; the VM's own threads (GC, JIT) are not Java threads and show as the rest.
     */
    private record Cpu(long process, Map<Long, Long> threads, Map<Long, String> names) {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        static Cpu now() {
            Map<Long, Long> threads = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info != null) {
                    threads.put(info.getThreadId(), THREADS.getThreadCpuTime(info.getThreadId()));
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(process, threads, names);
        }

        Cpu minus(Cpu before) {
            Map<Long, Long> used = new HashMap<>();
            threads.forEach((id, nanos) -> used.put(id, nanos - before.threads.getOrDefault(id, 0L)));
            return new Cpu(process - before.process, used, names);
        }

        void print(long commands) {
            Map<String, Long> parts = new TreeMap<>();
            long javaThreads = 0;
            for (Map.Entry<Long, Long> e : threads.entrySet()) {
                parts.merge(part(e.getKey(), names.get(e.getKey())), e.getValue(), Long::sum);
                javaThreads += e.getValue();
            }
            parts.put("VM (GC, JIT)", process - javaThreads);
            StringBuilder s = new StringBuilder(String.format("  CPU µs per command: process %.1f", process / 1e3 / commands));
            parts.forEach((part, nanos) -> s.append(String.format(", %s %.1f", part, nanos / 1e3 / commands)));
            System.out.println(s);
            StringBuilder top = new StringBuilder("  busiest threads, µs per command:");
            threads.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> top.append(String.format(" %s %.1f;", names.get(e.getKey()), e.getValue() / 1e3 / commands)));
            System.out.println(top);
        }

        private static String part(long id, String name) {
            if (id == Thread.currentThread().getId()) {
                return "load generator";
            }
            boolean ingress = name.startsWith("ingress-http") || name.startsWith("reply-router") || name.contains("-ingress-")
                    || name.startsWith("CompletableFutureDelayScheduler") || name.startsWith("ForkJoinPool.commonPool");
            return ingress ? "ingress" : "Kafka and responder";
        }
    }
}
