package com.hipoc.local;

import com.hipoc.local.verify.ReadModelStores;
import com.hipoc.local.verify.Verification;
import com.hipoc.local.verify.VerifyReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code hipoc verify}: reconciles the read models of a running stack; exits 1 on any mismatch. */
final class VerifyCommand implements CliCommand {
    private static final int MAX_WAIT_MS = 3_600_000;

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check that MySQL accounts, the ledger, Redis and the money totals agree [--data-dir .hipoc]"
                + " [--wait-ms 0: how long to wait first for the read models to catch up]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("data-dir", "wait-ms"));
        Path dataDir = Path.of(cl.string("data-dir", ".hipoc")).toAbsolutePath().normalize();
        Duration drain = Duration.ofMillis(cl.optionalInteger("wait-ms", MAX_WAIT_MS).orElse(0));
        VerifyReport report = Verification.run(ReadModelStores.locate(dataDir, System.getenv()), drain, System.out);
        return report.ok() ? 0 : 1;
    }
}
