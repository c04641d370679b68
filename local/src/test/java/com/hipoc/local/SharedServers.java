package com.hipoc.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Servers that every test class of a run shares: starting them takes seconds to a minute, too
 * long to pay per class. A class names the subclass in {@code @ExtendWith} and takes the servers
 * as a {@code T} parameter, of its {@code @BeforeAll} or of a test; the first to ask starts them,
 * in a new directory. They are kept in JUnit's root store, so JUnit closes them and deletes the
 * directory when the run ends. A failed start is kept there too: every class reports it, and
 * none starts the servers again.
 */
public abstract class SharedServers<T extends AutoCloseable> implements ParameterResolver {
    private final Class<T> type;

    protected SharedServers(Class<T> type) {
        this.type = type;
    }

    /** Starts the servers with their files in {@code dir}. */
    protected abstract T start(Path dir) throws Exception;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return servers(context);
    }

    /** The shared servers, started if nobody asked for them before. */
    protected T servers(ExtensionContext context) {
        return type.cast(context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(getClass(), key -> running(), Running.class).servers);
    }

    private Running running() {
        String name = type.getSimpleName();
        Path dir = null;
        try {
            // Under target/ (`mvn clean` removes what a failed start left), but not in target/tmp: a
            // build that a test starts (bin/hipoc builds what is missing) empties target/tmp.
            dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "shared-servers")), name);
            long started = System.nanoTime();
            T servers = start(dir);
            System.out.printf("shared %s start-up: %.1f s%n", name, (System.nanoTime() - started) / 1e9);
            return new Running(dir, servers);
        } catch (Exception e) {
            // The directory stays, to read what went wrong.
            throw new IllegalStateException("the shared " + name + " did not start (files in " + dir + ")", e);
        }
    }

    private record Running(Path dir, AutoCloseable servers) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            try {
                servers.close();
            } finally {
                DirectoryTree.delete(dir);
            }
        }
    }
}
