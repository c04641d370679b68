package com.hipoc.bench;

import java.util.SplittableRandom;

/** Which of the N bench accounts the next command is about. */
interface AccountPicker {
    /** An index from 0 to N-1. */
    long next(SplittableRandom random);

    static AccountPicker of(BenchOptions options) {
        return options.zipf() ? new ZipfAccounts(options.accounts(), options.zipfExponent()) : new UniformAccounts(options.accounts());
    }

    static String name(long index) {
        return "bench-" + index;
    }
}
