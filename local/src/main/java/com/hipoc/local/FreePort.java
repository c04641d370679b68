package com.hipoc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback TCP ports, for servers started on "any port". */
public final class FreePort {
    /**
     * Below Linux's ephemeral range (32768-60999), which the system takes the local ports of
     * outgoing connections from: a port found free there could be taken by any client's
     * connection before its server binds it, seconds later (a stack starts Kafka and Flink in
     * between), as happened to an ingress in CI.
     */
    private static final int LOWEST = 20_000;
    private static final int BELOW = 32_768;
    private static final int TRIES = 100;
    /**
     * Every port handed out by this JVM. A stack plans its services' ports first and binds them
     * one by one over seconds, finding others (Flink's RPC, Kafka's controller) meanwhile; in CI,
     * Redis found its planned port taken when it started.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int find() {
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HANDED_OUT.add(s.getLocalPort());
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code wanted} when it is free, else any free port; 0 means any. */
    public static int preferred(int wanted) {
        if (wanted > 0 && isFree(wanted)) {
            HANDED_OUT.add(wanted);
            return wanted;
        }
        return find();
    }

    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
