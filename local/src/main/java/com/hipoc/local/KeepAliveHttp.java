package com.hipoc.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 requests over a pool of keep-alive connections, each exchange done with blocking
 * socket I/O on a pooled thread: the warm-up and the load generator share the machine with the
 * stack they load, and the JDK's HttpClient cost about 640 µs of CPU per request at 1,000/s, more
 * than the ingress itself. A request waits for no other (no pipelining); a connection idle for longer
 * than the server would keep it is not reused, so a request is never sent on a closed one.
 */
public final class KeepAliveHttp implements AutoCloseable {
    /** Under the ingress's own idle timeout (HTTP_IDLE_TIMEOUT_MS, 30 s by default). */
    private static final long REUSE_WITHIN_NANOS = 20_000_000_000L;
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    /** What came back: status, the raw body, the {@code Server-Timing} header ("" when absent). */
    public record Response(int status, byte[] body, String serverTiming) {
    }

    private final InetSocketAddress address;
    private final String host;
    private final int readTimeoutMs;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keep-alive-http");
        t.setDaemon(true);
        return t;
    });

    public KeepAliveHttp(URI base, int readTimeoutMs) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        this.readTimeoutMs = readTimeoutMs;
    }

    /** @param body null for a request without one (GET) */
    public CompletableFuture<Response> send(String method, String path, byte[] body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return exchange(method, path, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
    }

    private Response exchange(String method, String path, byte[] body) throws IOException {
        Connection connection = reusable();
        try {
            StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            connection.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                connection.out.write(body);
            }
            connection.out.flush();
            Response response = connection.read();
            connection.lastUsed = System.nanoTime();
            if (connection.keepAlive) {
                idle.push(connection);
            } else {
                connection.socket.close();
            }
            return response;
        } catch (IOException e) {
            connection.socket.close();
            throw e;
        }
    }

    private Connection reusable() throws IOException {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            if (System.nanoTime() - c.lastUsed < REUSE_WITHIN_NANOS) {
                return c;
            }
            c.socket.close();
        }
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, CONNECT_TIMEOUT_MS);
        socket.setSoTimeout(readTimeoutMs);
        return new Connection(socket);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            try {
                c.socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long lastUsed;
        boolean keepAlive;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        /** One response: status line, headers, then a body of Content-Length bytes or chunks. */
        Response read() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String serverTiming = "";
            keepAlive = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "server-timing" -> serverTiming = value;
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            return new Response(status, chunked ? chunks() : in.readNBytes((int) Math.max(0, length)), serverTiming);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            return body.toByteArray();
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
