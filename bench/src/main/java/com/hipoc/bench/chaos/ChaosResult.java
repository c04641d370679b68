package com.hipoc.bench.chaos;

import java.util.List;

/** What a chaos run found: one result per fault, the first for the steady load before any. */
public record ChaosResult(List<FaultResult> faults, int commands) {
    public boolean passed() {
        return faults.stream().allMatch(FaultResult::passed);
    }

    /** The checks and recoveries that failed, one line each; empty when the run passed. */
    public List<String> failures() {
        return faults.stream().filter(f -> !f.passed())
                .map(f -> f.fault() + ": recovered " + f.recoveryFromFault().map(ChaosRun::seconds).orElse("never") + "; "
                        + f.checks().stream().filter(c -> !c.passed()).map(c -> c.summary()).toList())
                .toList();
    }
}
