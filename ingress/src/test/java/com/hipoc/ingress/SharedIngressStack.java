package com.hipoc.ingress;

import com.hipoc.local.SharedServers;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * One {@link IngressStack} for every test class of the run, given as a parameter; each class
 * starts its own ingresses on it. A {@link TestClient} parameter is a client of an ingress with
 * the default settings, started for the class (or test) that asks and closed after it.
 */
final class SharedIngressStack extends SharedServers<IngressStack> {
    private static final ExtensionContext.Namespace DEFAULT_INGRESS = ExtensionContext.Namespace.create(SharedIngressStack.class);

    SharedIngressStack() {
        super(IngressStack.class);
    }

    @Override
    protected IngressStack start(Path dir) throws Exception {
        return new IngressStack(dir);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestClient.class || super.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() != TestClient.class) {
            return super.resolveParameter(parameter, context);
        }
        return context.getStore(DEFAULT_INGRESS)
                .getOrComputeIfAbsent("ingress", key -> DefaultIngress.on(servers(context)), DefaultIngress.class).client();
    }

    private record DefaultIngress(IngressServer server, TestClient client) implements ExtensionContext.Store.CloseableResource {
        static DefaultIngress on(IngressStack stack) {
            try {
                IngressServer server = stack.ingress(Map.of());
                return new DefaultIngress(server, TestClient.unsigned(server.port()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting an ingress", e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
