package com.hipoc.local.readmodels;

/**
 * One account's ledger replayed entry by entry: seq must run 1, 2, 3, … and each
 * {@code balance_after} must be the previous one plus the entry's amount, each {@code held_after}
 * the previous one plus its {@code held_delta}. The newest row is the account, so a ledger that
 * holds together is an account that agrees with its history.
 */
final class AccountHistory {
    private final String account;
    private long lastSeq;
    private long balance;
    private long held;

    AccountHistory(String account) {
        this.account = account;
    }

    void add(LedgerRow e, Mismatches mismatches) {
        if (e.seq() != lastSeq + 1) {
            mismatches.add(account, "ledger seq " + e.seq() + " follows seq " + lastSeq + " (entries missing)");
        }
        if (e.balanceAfter() != balance + e.amount()) {
            mismatches.add(account, "ledger seq " + e.seq() + " balance_after " + e.balanceAfter() + " != previous "
                    + balance + " + amount " + e.amount());
        }
        if (e.heldAfter() != held + e.heldDelta()) {
            mismatches.add(account, "ledger seq " + e.seq() + " held_after " + e.heldAfter() + " != previous "
                    + held + " + held_delta " + e.heldDelta());
        }
        lastSeq = e.seq();
        balance = e.balanceAfter();
        held = e.heldAfter();
    }
}
