package com.hipoc.bench;

import java.util.SplittableRandom;

/**
 * What kind of command comes next, in the proportions of a payments ledger: money in and out in
 * balance (so hot accounts do not drain over a long run), transfers, holds that are later
 * captured or released, some over-draws and some client retries of an already sent txId.
 */
final class CommandMix {
    enum Kind { DEPOSIT, WITHDRAWAL, OVERDRAW, TRANSFER, HOLD, HOLD_END, RETRY }

    /** Cumulative percentages, in Kind order. */
    private static final int[] UP_TO = {28, 56, 58, 83, 90, 95, 100};

    private CommandMix() {
    }

    static Kind next(SplittableRandom random) {
        int p = random.nextInt(100);
        for (int i = 0; i < UP_TO.length; i++) {
            if (p < UP_TO[i]) {
                return Kind.values()[i];
            }
        }
        throw new AssertionError(p);
    }

    static String describe() {
        return "28% deposits, 28% withdrawals, 2% over-draws, 25% transfers, 7% holds, 5% captures/releases of them,"
                + " 5% retries of a sent txId";
    }
}
