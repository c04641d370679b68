package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One applied change of an account: row {@code (accountId, seq)} of {@code ledger_entries}.
 * {@code seq} equals the account's version after the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LedgerEntry {
    public String accountId;
    public long seq;
    public String txId;
    /** The command's wire type (e.g. {@code deposit}, {@code transfer_credit}). */
    public String kind;
    /** Signed change of the balance: negative for debits, 0 for status changes and holds. */
    public long amount;
    /** Signed change of the held amount. */
    public long heldDelta;
    public long balanceAfter;
    public String counterparty;
    /** The command's ts, epoch ms. */
    public long createdAt;

    public LedgerEntry() {
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LedgerEntry)) {
            return false;
        }
        LedgerEntry e = (LedgerEntry) o;
        return seq == e.seq && amount == e.amount && heldDelta == e.heldDelta && balanceAfter == e.balanceAfter
                && createdAt == e.createdAt && Objects.equals(accountId, e.accountId) && Objects.equals(txId, e.txId)
                && Objects.equals(kind, e.kind) && Objects.equals(counterparty, e.counterparty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, seq);
    }

    @Override
    public String toString() {
        return "LedgerEntry(" + accountId + "#" + seq + " " + kind + " " + txId + " " + amount + "/" + heldDelta
                + " -> " + balanceAfter + ")";
    }
}
