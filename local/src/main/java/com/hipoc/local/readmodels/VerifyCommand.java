package com.hipoc.local.readmodels;

import com.hipoc.local.DataDirOption;
import com.hipoc.local.OptionBounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code hipoc verify}: reconciles the read models of a running stack; exits 1 on any mismatch. */
@Command(name = "verify", showDefaultValues = true,
        description = "Check that MySQL's accounts, the ledger, Redis and the money totals agree; exit 1 on any mismatch.")
public final class VerifyCommand implements Callable<Integer> {
    private static final int MAX_WAIT_MS = 3_600_000;

    @Spec
    private CommandSpec spec;
    @Mixin
    DataDirOption dataDir;
    @Option(names = "--wait-ms", paramLabel = "MS", defaultValue = "0",
            description = "how long to wait first for the read models to catch up")
    int waitMs;

    Duration drainWait() {
        return Duration.ofMillis(OptionBounds.check(spec, "--wait-ms", waitMs, 0, MAX_WAIT_MS));
    }

    @Override
    public Integer call() throws Exception {
        VerifyReport report = Verification.run(ReadModelStores.locate(dataDir.path(), System.getenv()), drainWait(), System.out);
        return report.ok() ? 0 : 1;
    }
}
