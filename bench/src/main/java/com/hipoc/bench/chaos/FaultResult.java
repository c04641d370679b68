package com.hipoc.bench.chaos;

import com.hipoc.bench.Check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One fault of a run: the load while it lasted (and in the quiet after it), how long until a
 * fresh command was applied again, and the checks once everything was answered and drained.
 */
record FaultResult(String fault, String description, LoadWindow load, Optional<Duration> recoveryFromFault,
                   Optional<Duration> recoveryFromRestart, boolean outage, List<Check> checks) {

    boolean passed() {
        boolean recovered = recoveryFromFault.isPresent() && (!outage || recoveryFromRestart.isPresent());
        return recovered && checks.stream().allMatch(Check::passed);
    }
}
