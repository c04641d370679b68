package com.hipoc.local.readmodels;

/**
 * One account's ledger replayed entry by entry: seq must run 1, 2, 3, … and each
 * {@code balance_after} must be the previous one plus the entry's amount; the account row must
 * then be where the history ends.
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
        lastSeq = e.seq();
        balance = e.balanceAfter();
        held += e.heldDelta();
    }

    void compare(AccountRow row, Mismatches mismatches) {
        if (row.version() != lastSeq) {
            mismatches.add(account, "accounts.version " + row.version() + " != last ledger seq " + lastSeq);
        }
        if (row.balance() != balance) {
            mismatches.add(account, "accounts.balance " + row.balance() + " != ledger balance " + balance);
        }
        if (row.held() != held) {
            mismatches.add(account, "accounts.held " + row.held() + " != ledger sum of held_delta " + held);
        }
    }
}
