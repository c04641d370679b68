package com.hipoc.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Test support: many raw connections to one port, driven by one selector on the caller's
 * thread, so a crowd of hundreds adds no threads to the JVM it measures. Each connection sends
 * its opening bytes once connected, then only listens: for an answer, or for the server to
 * close it.
 */
final class SocketCrowd implements AutoCloseable {
    private final InetSocketAddress address;
    private final Selector selector;
    private final List<Member> members = new ArrayList<>();

    private static final class Member {
        final SocketChannel channel;
        final ByteBuffer opening;
        final StringBuilder received = new StringBuilder();
        boolean sent;
        boolean closed;

        Member(SocketChannel channel, String opening) {
            this.channel = channel;
            this.opening = ByteBuffer.wrap(opening.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    SocketCrowd(int port) {
        address = new InetSocketAddress("127.0.0.1", port);
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code count} connections that will each send {@code opening} (possibly nothing). */
    void join(int count, String opening) {
        for (int i = 0; i < count; i++) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                Member member = new Member(channel, opening);
                members.add(member);
                boolean connected = channel.connect(address);
                channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, member);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Drives the connections until {@code done} holds or {@code max} has passed; says which. */
    boolean pumpUntil(BooleanSupplier done, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                selector.select(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (SelectionKey key : selector.selectedKeys()) {
                step(key, (Member) key.attachment());
            }
            selector.selectedKeys().clear();
        }
        return true;
    }

    private void step(SelectionKey key, Member member) {
        try {
            if (key.isConnectable() && member.channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                member.channel.write(member.opening);
                if (!member.opening.hasRemaining()) {
                    member.sent = true;
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                if (member.channel.read(buffer) < 0) {
                    close(key, member);
                } else {
                    member.received.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            close(key, member);
        }
    }

    private static void close(SelectionKey key, Member member) {
        member.closed = true;
        key.cancel();
        try {
            member.channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return members.size();
    }

    /** Connections that have sent their opening bytes (those closed before are not counted). */
    long sent() {
        return members.stream().filter(m -> m.sent).count();
    }

    /** Connections the server closed or reset (or refused). */
    long closed() {
        return members.stream().filter(m -> m.closed).count();
    }

    /** The status line of every answer received, one per connection that got one. */
    List<String> statusLines() {
        return members.stream().map(m -> m.received.toString())
                .filter(r -> !r.isEmpty())
                .map(r -> r.lines().findFirst().orElse(""))
                .toList();
    }

    @Override
    public void close() throws IOException {
        for (Member member : members) {
            member.channel.close();
        }
        selector.close();
    }
}
