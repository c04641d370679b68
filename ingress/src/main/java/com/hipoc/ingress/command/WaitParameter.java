package com.hipoc.ingress.command;

import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;
import io.javalin.http.Context;

/**
 * {@code ?wait=<ms>}: how long a command request waits for its outcome once the log took it.
 * Bounded so a client cannot park a request (and a pending-reply slot) for long.
 */
final class WaitParameter {
    static final long MAX_WAIT_MS = 30_000;

    private WaitParameter() {
    }

    static long of(Context ctx, long defaultMs) {
        String value = ctx.queryParam("wait");
        if (value == null) {
            return defaultMs;
        }
        if (value.matches("[0-9]{1,6}")) {
            long ms = Long.parseLong(value);
            if (ms <= MAX_WAIT_MS) {
                return ms;
            }
        }
        throw new ProblemException(Problem.invalid("wait must be an integer number of milliseconds from 0 to " + MAX_WAIT_MS));
    }
}
