package com.hipoc.ingress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Test support: an open-loop HTTP/1.1 load from the caller's thread. Request {@code i} is due at
 * {@code i / rate} seconds whether or not earlier ones were answered, and its latency counts from
 * then, not from when a connection was free to send it, so a stall shows in full (no coordinated
 * omission). Keep-alive connections driven by one selector, one request at a time each: the load
 * costs the JVM it measures one thread and a few µs per request (the JDK's HttpClient costs
 * several times more, which would be counted against the ingress).
 */
final class OpenLoopClient implements AutoCloseable {
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] APPLIED = "\"status\":\"APPLIED\"".getBytes(StandardCharsets.US_ASCII);
    private static final long DRAIN_NANOS = 10_000_000_000L;

    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();

    /**
     * What one run saw: latencies and how late each request was sent, in nanoseconds; outcomes
     * APPLIED; Server-Timing stages in ms, per answered request.
     */
    record Result(int due, int answered, double seconds, long[] latencies, long[] sendLags, Map<Integer, Integer> statuses,
                  long applied, Map<String, double[]> stages) {
    }

    OpenLoopClient(int port, int connections) throws IOException {
        selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            idle.add(connection);
        }
    }

    /**
     * Sends {@code count} requests, {@code request(i)} the bytes of the i-th, at {@code rate} a
     * second, and waits for their answers (at most 10 s after the last was due).
     */
    Result run(int count, double rate, IntFunction<byte[]> request) throws IOException {
        Run run = new Run(count);
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        long deadline = start + count * intervalNanos + DRAIN_NANOS;
        int next = 0;
        while (run.answered < count && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            while (next < count && start + next * intervalNanos <= now && !idle.isEmpty()) {
                long due = start + next * intervalNanos;
                run.sendLags[next] = now - due;
                idle.poll().send(request.apply(next), due, run);
                next++;
            }
            // At least 1 ms: spinning on selectNow would cost this JVM a core. A request sent up
            // to 1 ms late counts that against the ingress, which errs on the safe side.
            long untilNext = next < count && !idle.isEmpty() ? start + next * intervalNanos - System.nanoTime() : 0;
            selector.select(Math.max(1, untilNext / 1_000_000));
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                if (key.isWritable()) {
                    connection.write();
                }
                if (key.isReadable()) {
                    connection.read();
                }
            }
            selector.selectedKeys().clear();
        }
        return run.result((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** What a run has seen so far. */
    private static final class Run {
        final long[] latencies;
        final long[] sendLags;
        final Map<Integer, Integer> statuses = new HashMap<>();
        final Map<String, double[]> stages = new HashMap<>();
        int answered;
        long applied;

        Run(int count) {
            latencies = new long[count];
            sendLags = new long[count];
        }

        void answer(long latency, int status, String serverTiming, int applied) {
            if (serverTiming != null) {
                for (String stage : serverTiming.split(", ")) {
                    int semicolon = stage.indexOf(";dur=");
                    stages.computeIfAbsent(stage.substring(0, semicolon), name -> new double[latencies.length])[answered] =
                            Double.parseDouble(stage.substring(semicolon + 5));
                }
            }
            latencies[answered++] = latency;
            statuses.merge(status, 1, Integer::sum);
            this.applied += applied;
        }

        Result result(double seconds) {
            Map<String, double[]> answeredStages = new HashMap<>();
            stages.forEach((name, values) -> answeredStages.put(name, Arrays.copyOf(values, answered)));
            return new Result(latencies.length, answered, seconds, Arrays.copyOf(latencies, answered), sendLags, statuses,
                    applied, answeredStages);
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection {
        final SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long due;
        Run run;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send(byte[] request, long due, Run run) throws IOException {
            this.out = ByteBuffer.wrap(request);
            this.due = due;
            this.run = run;
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a connection");
            }
            byte[] bytes = in.array();
            int headersEnd = indexOf(bytes, 0, in.position(), HEADERS_END);
            if (headersEnd < 0) {
                return;
            }
            String head = new String(bytes, 0, headersEnd, StandardCharsets.ISO_8859_1);
            String length = header(head, "content-length");
            byte[] body = length != null
                    ? fixedBody(bytes, headersEnd + HEADERS_END.length, in.position(), Integer.parseInt(length))
                    : chunkedBody(bytes, headersEnd + HEADERS_END.length, in.position());
            if (body == null) {
                return;
            }
            run.answer(System.nanoTime() - due, Integer.parseInt(head.substring(9, 12)), header(head, "server-timing"),
                    count(body, APPLIED));
            in.clear();
            idle.add(this);
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The body, or null while it has not all arrived. */
    private static byte[] fixedBody(byte[] bytes, int start, int received, int length) {
        return received < start + length ? null : Arrays.copyOfRange(bytes, start, start + length);
    }

    /** A chunked body (Jetty sends a large answer so) without its framing, or null while it has not all arrived. */
    private static byte[] chunkedBody(byte[] bytes, int start, int received) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = start;
        while (true) {
            int lineEnd = indexOf(bytes, at, received, CRLF);
            if (lineEnd < 0) {
                return null;
            }
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1), 16);
            int next = lineEnd + CRLF.length + size + CRLF.length;
            if (next > received) {
                return null;
            }
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(bytes, lineEnd + CRLF.length, size);
            at = next;
        }
    }

    /** Outcomes APPLIED in an answer: one for a single command, up to a thousand in a batch's. */
    private static int count(byte[] bytes, byte[] wanted) {
        int count = 0;
        for (int i = indexOf(bytes, 0, bytes.length, wanted); i >= 0; i = indexOf(bytes, i + wanted.length, bytes.length, wanted)) {
            count++;
        }
        return count;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] wanted) {
        outer:
        for (int i = from; i <= to - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
