package com.hipoc.ingress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Test support: one HTTP/1.1 connection over a plain socket, for what java.net.http will not
 * send: malformed URIs and framing, and requests sent slowly or never finished.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;

    RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
    }

    /** The answer to a request: its status, its headers (names in lower case) and its body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** The head of a request with a JSON body, without its end; {@code extraHeaders} end in CRLF. */
    private static String head(String method, String path, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders;
    }

    /** A whole request, with a Content-Length for {@code body}. */
    static String request(String method, String path, String extraHeaders, String body) {
        return head(method, path, extraHeaders + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + body;
    }

    /** A chunked request's head and first chunk (ASCII), its body left unfinished. */
    static String chunkedStart(String method, String path, String chunk) {
        return head(method, path, "Transfer-Encoding: chunked\r\n") + "\r\n" + Integer.toHexString(chunk.length()) + "\r\n"
                + chunk + "\r\n";
    }

    RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawConnection send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Sends one byte at a time, {@code gap} apart. */
    void trickle(String text, Duration gap) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            out.flush();
            Thread.sleep(gap.toMillis());
        }
    }

    /** The status code of the next answer. */
    int status() throws IOException {
        return Integer.parseInt(line().split(" ")[1]);
    }

    /** The next answer, whose body must have a Content-Length. */
    Answer answer() throws IOException {
        int status = status();
        Map<String, String> headers = new HashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = socket.getInputStream().readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** One line of a head, without its CRLF. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open. */
    String readUntilClosed() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(received);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; it sent: " + received, e);
        } catch (IOException e) {
            // reset by the server: closed as well
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
