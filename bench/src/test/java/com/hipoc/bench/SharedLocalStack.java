package com.hipoc.bench;

import com.hipoc.local.FreePort;
import com.hipoc.local.LocalOptions;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import com.hipoc.local.SharedServers;

import java.nio.file.Path;

/**
 * One running local stack for every test class that only sends it traffic: a start takes 20 to
 * 60 s, too long to pay per class. A class gets it as a {@link LocalStack} parameter of its
 * {@code @BeforeAll}; it is stopped when the whole run ends. Such classes use their own account
 * names and leave the read models consistent, since the next class sees them.
 */
final class SharedLocalStack extends SharedServers<LocalStack> {
    SharedLocalStack() {
        super(LocalStack.class);
    }

    @Override
    protected LocalStack start(Path dataDir) throws Exception {
        return LocalStack.start(LocalOptions.embedded(dataDir, FreePort.find(), FreePort.find(), RepoLayout.locate()),
                new Progress(System.out));
    }
}
