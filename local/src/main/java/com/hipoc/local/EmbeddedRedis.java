package com.hipoc.local;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Redis server (the binary bundled in embedded-redis) on loopback. Redis holds only a read
 * model that the engine rewrites, but it still saves to {@code dir} so a restart serves the
 * same balances at once.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dir, int port) throws IOException {
        return start(dir, port, ReadStorePriority.NORMAL);
    }

    /** The same, with the server at {@code priority} for the CPU. */
    public static EmbeddedRedis start(Path dir, int port, ReadStorePriority priority) throws IOException {
        Files.createDirectories(dir);
        ExecutableProvider bundled = ExecutableProvider.newJarResourceProvider();
        int p = port > 0 ? port : FreePort.find();
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(() -> priority.launcher(bundled.get().toPath(), dir).toFile())
                .port(p)
                .setting("bind 127.0.0.1")
                .setting("dir " + dir.toAbsolutePath())
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .build();
        server.start();
        return new EmbeddedRedis(server, p);
    }

    public int port() {
        return port;
    }

    /** The same server again after {@link #close}, on the same port with its saved data. */
    public void startAgain() throws IOException {
        server.start();
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
