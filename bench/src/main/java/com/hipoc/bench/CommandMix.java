package com.hipoc.bench;

import java.util.SplittableRandom;

/** What kind of command comes next, in the proportions of a mix the command line names. */
enum CommandMix {
    /**
     * A payments ledger: money in and out in balance (so hot accounts do not drain over a long
     * run), transfers, holds that are later captured or released, some over-draws and some client
     * retries of an already sent txId.
     */
    STANDARD(new int[] {28, 56, 58, 83, 90, 95, 100}, "28% deposits, 28% withdrawals, 2% over-draws, 25% transfers,"
            + " 7% holds, 5% captures/releases of them, 5% retries of a sent txId"),
    /** Single deposits only: one decision per request, the latency issue's load. */
    DEPOSITS(new int[] {100, 100, 100, 100, 100, 100, 100}, "100% deposits");

    enum Kind { DEPOSIT, WITHDRAWAL, OVERDRAW, TRANSFER, HOLD, HOLD_END, RETRY }

    /** Cumulative percentages, in Kind order. */
    private final int[] upTo;
    private final String description;

    CommandMix(int[] upTo, String description) {
        this.upTo = upTo;
        this.description = description;
    }

    Kind next(SplittableRandom random) {
        int p = random.nextInt(100);
        for (int i = 0; i < upTo.length; i++) {
            if (p < upTo[i]) {
                return Kind.values()[i];
            }
        }
        throw new AssertionError(p);
    }

    String describe() {
        return description;
    }

    /** As the command line spells it: {@code standard}, {@code deposits}. */
    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
