package com.hipoc.bench.chaos;

import com.hipoc.bench.Check;
import com.hipoc.bench.IngressHttp;
import com.hipoc.local.DirectoryTree;
import com.hipoc.local.FreePort;
import com.hipoc.local.LocalOptions;
import com.hipoc.local.LocalStack;
import com.hipoc.local.Progress;
import com.hipoc.local.RepoLayout;
import com.hipoc.local.StackFaults;
import com.hipoc.local.readmodels.ReadModelStores;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The fault-injection suite: a local stack of its own on a fresh data dir, a steady load, and
 * the faults one at a time. After each one the load pauses until every command has its answer,
 * the read models catch up, and the stack is checked against the answers; then the next fault.
 */
public final class ChaosRun {
    /** A part that is not back within this long counts as not recovered. */
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
    /** Retries end once the stack is back; this bounds the wait for the last answers. */
    private static final long ANSWERS_TIMEOUT_MS = Duration.ofMinutes(3).toMillis();

    private final ChaosOptions options;
    private final PrintStream out;
    private volatile String phase = "starting";

    private ChaosRun(ChaosOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the whole suite; the stack it started is stopped before this returns. */
    public static ChaosResult run(ChaosOptions options, PrintStream out) throws Exception {
        return new ChaosRun(options, out).run();
    }

    private ChaosResult run() throws Exception {
        LocalStack.stopLeftovers(options.dataDir());
        // The run's data dir holds only what an earlier run left: every run starts from nothing.
        DirectoryTree.delete(options.dataDir());
        LocalOptions local = LocalOptions.embedded(options.dataDir(), FreePort.find(), FreePort.find(), RepoLayout.locate());
        ClientBook book = new ClientBook();
        List<FaultResult> results = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(local, new Progress(out));
             IngressHttp http = new IngressHttp(stack.endpoints().ingressUrl());
             RetryingSender sender = new RetryingSender(http);
             ChaosLoad load = new ChaosLoad(sender, book, options.accounts(), options.rate());
             ChaosProgress progress = new ChaosProgress(load, () -> phase, out)) {
            ChaosChecks checks = new ChaosChecks(ReadModelStores.locate(options.dataDir(), Map.of()), out);
            RecoveryProbe probe = new RecoveryProbe(load);
            StackFaults faults = stack.faults();
            load.start();
            results.add(steadyLoad(load, probe, checks, book));
            for (Fault fault : options.faults()) {
                FaultResult result = inject(fault, faults, load, probe, checks, book);
                results.add(result);
                if (!result.passed() && result.recoveryFromFault().isEmpty()) {
                    out.println("chaos: the stack did not recover from " + fault.option() + "; the remaining faults are skipped");
                    break;
                }
            }
            phase = "stopping the stack";
        }
        return new ChaosResult(results, book.sentCount());
    }

    /** The same load and checks without a fault, so a failure after a fault is known to be the fault's. */
    private FaultResult steadyLoad(ChaosLoad load, RecoveryProbe probe, ChaosChecks checks, ClientBook book) throws Exception {
        LoadWindow window = new LoadWindow("none");
        load.countInto(window);
        phase = "steady load, no fault";
        long start = System.nanoTime();
        Optional<Duration> firstApplied = probe.await(start, RECOVERY_TIMEOUT);
        Thread.sleep(options.quiet().toMillis());
        return new FaultResult("none", "steady load before any fault", window, firstApplied, Optional.empty(), false,
                settleAndCheck("none", load, checks, book, window));
    }

    private FaultResult inject(Fault fault, StackFaults faults, ChaosLoad load, RecoveryProbe probe, ChaosChecks checks,
                               ClientBook book) throws Exception {
        LoadWindow window = new LoadWindow(fault.option());
        load.countInto(window);
        phase = fault.option() + ": injecting (" + fault.description() + ")";
        out.println("chaos: " + fault.option() + ": " + fault.description());
        long faultAt = System.nanoTime();
        try {
            fault.inject(faults);
        } catch (Exception e) {
            return failed(fault, window, "injecting", e);
        }
        // Probes start once the part is gone: one sent while the kill was under way could be decided before it took effect.
        CompletableFuture<Optional<Duration>> fromFault = CompletableFuture.supplyAsync(() -> awaitApplied(probe, faultAt));
        List<Check> faultChecks = new ArrayList<>();
        try {
            phase = fault.option() + ": down";
            long answeredBefore = window.decidedCount();
            if (fault.outage()) {
                Thread.sleep(options.outage().toMillis());
            }
            if (fault.readSideOnly()) {
                Check answered = answeredWhileDown(fault, window.decidedCount() - answeredBefore, fromFault);
                print(fault.option(), answered);
                faultChecks.add(answered);
            }
            phase = fault.option() + ": repairing";
            fault.repair(faults);
        } catch (Exception e) {
            return failed(fault, window, "repairing", e);
        }
        long repairedAt = System.nanoTime();
        phase = fault.option() + ": repaired, waiting for a probe to be applied";
        Optional<Duration> fromRestart = fault.outage() ? probe.await(repairedAt, RECOVERY_TIMEOUT) : Optional.empty();
        Optional<Duration> recovery = fromFault.join();
        out.println("chaos: " + fault.option() + ": recovered " + recovery.map(ChaosRun::seconds).orElse("never")
                + " after the fault" + (fault.outage() ? ", " + fromRestart.map(ChaosRun::seconds).orElse("never")
                + " after the restart" : ""));
        phase = fault.option() + ": quiet period";
        Thread.sleep(options.quiet().toMillis());
        faultChecks.addAll(settleAndCheck(fault.option(), load, checks, book, window));
        return new FaultResult(fault.option(), fault.description(), window, recovery, fromRestart, fault.outage(),
                faultChecks);
    }

    /** A store only the read models write must never hold a command's answer back. */
    private static Check answeredWhileDown(Fault fault, long answers, CompletableFuture<Optional<Duration>> fromFault) {
        Optional<Duration> probe = fromFault.isDone() ? fromFault.join() : Optional.empty();
        return new Check(answers > 0 && probe.isPresent(), "commands answered (200/422) while " + fault.option()
                + " was down: " + answers + ", a fresh one applied " + probe.map(ChaosRun::seconds).orElse("never")
                + " after the fault");
    }

    private FaultResult failed(Fault fault, LoadWindow window, String step, Exception e) {
        out.println("chaos: " + step + " " + fault.option() + " failed: " + e);
        window.end();
        return new FaultResult(fault.option(), fault.description(), window, Optional.empty(), Optional.empty(), fault.outage(),
                List.of(new Check(false, step + " " + fault.option() + " failed: " + e)));
    }

    /** Pauses the load until every command has its answer, checks, resumes. */
    private List<Check> settleAndCheck(String name, ChaosLoad load, ChaosChecks checks, ClientBook book, LoadWindow window)
            throws Exception {
        phase = name + ": load paused, waiting for the last answers";
        load.pause();
        boolean answered = load.awaitAnswers(ANSWERS_TIMEOUT_MS);
        window.end();
        phase = name + ": draining the read models and checking";
        List<Check> found = new ArrayList<>(checks.run(book));
        if (!answered) {
            found.add(new Check(false, load.outstanding() + " commands still had no answer " + ANSWERS_TIMEOUT_MS / 1000
                    + " s after the load paused"));
        }
        found.forEach(c -> print(name, c));
        load.resume();
        return found;
    }

    private void print(String name, Check check) {
        out.println("chaos: " + name + ": " + (check.passed() ? "PASS " : "FAIL ") + check.summary());
    }

    private static Optional<Duration> awaitApplied(RecoveryProbe probe, long sinceNanos) {
        try {
            return probe.await(sinceNanos, RECOVERY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

}
