package com.hipoc.bench.chaos;

import com.hipoc.bench.Machine;
import com.hipoc.local.ShutdownSignals;
import com.hipoc.local.UsageException;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/hipoc chaos}: the fault-injection suite on a stack of its own, then its report.
 * Exits 0 when every check passed after every fault, 1 when one failed, 2 on a bad command line.
 */
public final class ChaosMain {
    private static final String USAGE = "[--data-dir .hipoc-chaos] [--faults tm,flink,kafka,mysql,redis,ingress]"
            + " [--outage-seconds 30] [--quiet-seconds 10] [--rate 100] [--accounts 300] [--report FILE]";

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Arrays.asList(args), System.out));
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("hipoc chaos: " + e.getMessage() + "\nusage: hipoc chaos " + USAGE);
            return 2;
        }
        // Ctrl-C or SIGTERM interrupts the run, which then stops its stack on the way out.
        ShutdownSignals.install();
        String startedAt = Instant.now().toString();
        Machine machine = Machine.describe();
        ChaosResult result = ChaosRun.run(options, out);
        String report = ChaosReport.markdown(options, machine, startedAt, result);
        ChaosReport.write(options.report(), report);
        out.println();
        out.println(report);
        out.println("report: " + options.report());
        return result.passed() ? 0 : 1;
    }
}
