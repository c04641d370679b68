package com.hipoc.ingress.read;

import com.hipoc.ingress.http.Problem;
import com.hipoc.ingress.http.ProblemException;
import io.javalin.http.Handler;

import java.util.concurrent.Semaphore;

/**
 * Bounds the reads in flight. A read blocks a server thread on Redis or MySQL, for up to the
 * store timeout when that store is down; without a bound, clients polling their transactions
 * through a MySQL outage take every server thread, and commands, which need only Kafka, wait
 * behind them. Past the bound a read answers 503 at once, which the client may retry.
 */
final class ReadGate {
    private final Semaphore permits;

    ReadGate(int maxInFlight) {
        this.permits = new Semaphore(maxInFlight);
    }

    Handler guard(Handler read) {
        return ctx -> {
            if (!permits.tryAcquire()) {
                throw new ProblemException(Problem.unavailable("too many reads in flight; retry shortly"));
            }
            try {
                read.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }
}
