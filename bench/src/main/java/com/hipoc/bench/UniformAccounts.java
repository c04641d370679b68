package com.hipoc.bench;

import java.util.SplittableRandom;

/** Every account equally likely: the workload with the least contention per account. */
record UniformAccounts(long accounts) implements AccountPicker {
    @Override
    public long next(SplittableRandom random) {
        return random.nextLong(accounts);
    }
}
