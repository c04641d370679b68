package com.hipoc.bench;

import com.hipoc.local.DirectoryTree;
import com.hipoc.local.FreePort;
import com.hipoc.local.LocalOptions;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running local stack for every test class that only sends it traffic: a start takes 20 to
 * 60 s, too long to pay per class. A class gets it as a {@link LocalStack} parameter of its
 * {@code @BeforeAll}; it is stopped when the whole run ends. Such classes use their own account
 * names and leave the read models consistent, since the next class sees them.
 */
final class SharedLocalStack implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> Running.start(), Running.class).stack;
    }

    private record Running(Path dataDir, LocalStack stack) implements ExtensionContext.Store.CloseableResource {
        static Running start() {
            try {
                Path dataDir = Files.createTempDirectory("hipoc-shared-stack");
                long started = System.nanoTime();
                LocalStack stack = LocalStack.start(LocalOptions.embedded(dataDir, FreePort.find(), FreePort.find(), RepoLayout.locate()),
                        new Progress(System.out));
                System.out.printf("shared local stack start-up: %.1f s%n", (System.nanoTime() - started) / 1e9);
                return new Running(dataDir, stack);
            } catch (Exception e) {
                throw new IllegalStateException("the shared local stack did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            stack.close();
            DirectoryTree.delete(dataDir);
        }
    }
}
