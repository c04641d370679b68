package com.hipoc.local.readmodels;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;

/** {@code hipoc verify} end to end: optionally wait for the read models to catch up, check, print the verdict. */
public final class Verification {
    private Verification() {
    }

    /**
     * @param drain how long to wait at most for the read models to catch up with the engine and
     *              stop changing first; zero to check at once
     */
    public static VerifyReport run(ReadModelStores stores, Duration drain, PrintStream out) throws SQLException, InterruptedException {
        out.println("verify: MySQL " + stores.mysql().jdbcUrl() + ", Redis " + stores.redis().host() + ":" + stores.redis().port());
        if (!drain.isZero()) {
            ReadModelDrain.await(stores, drain, out);
        }
        VerifyReport report = Reconciliation.run(stores, out);
        out.println(report.summary());
        for (String mismatch : report.mismatches().first()) {
            out.println("  " + mismatch);
        }
        if (report.mismatches().count() > Mismatches.SHOWN) {
            out.println("  ... and " + (report.mismatches().count() - Mismatches.SHOWN) + " more");
        }
        return report;
    }
}
