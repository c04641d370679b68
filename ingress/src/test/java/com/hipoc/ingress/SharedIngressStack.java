package com.hipoc.ingress;

import com.hipoc.local.SharedServers;

import java.nio.file.Path;

/**
 * One {@link IngressStack} for every test class of the run, given as a parameter; each class
 * starts its own ingresses on it.
 */
final class SharedIngressStack extends SharedServers<IngressStack> {
    SharedIngressStack() {
        super(IngressStack.class);
    }

    @Override
    protected IngressStack start(Path dir) throws Exception {
        return new IngressStack(dir);
    }
}
