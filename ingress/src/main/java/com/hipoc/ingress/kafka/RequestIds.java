package com.hipoc.ingress.kafka;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code requestId}s one ingress instance gives the requests waiting on its result partition.
 * Outcomes for an earlier run of this instance can still arrive there after a restart, so the
 * counter starts at a random point: two runs share ids only if they start within as many ids of
 * each other as they hand out (for a billion requests each, about one chance in 10^10). 0 is
 * skipped: it means "no request waits".
 */
final class RequestIds {
    private final AtomicLong last;

    RequestIds(long start) {
        this.last = new AtomicLong(start);
    }

    static RequestIds randomStart() {
        return new RequestIds(new SecureRandom().nextLong());
    }

    long next() {
        long id = last.incrementAndGet();
        return id != 0 ? id : last.incrementAndGet();
    }
}
