package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;

import java.util.Objects;

/**
 * A row of {@code ledger_entries}: a ledger entry and the account right after it. Every change
 * of an account is an entry, so the account as it stands is its newest row, and no table of
 * accounts is written per command (docs/read-models.md).
 */
public class Posting {
    public LedgerEntry entry;
    /** The held amount right after this entry; the event's account after holds only the last entry's. */
    public long heldAfter;
    /** The account after the entry's event: its currency, status and limits. */
    public AccountSnapshot account;

    public Posting() {
    }

    public Posting(LedgerEntry entry, long heldAfter, AccountSnapshot account) {
        this.entry = entry;
        this.heldAfter = heldAfter;
        this.account = account;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Posting p && heldAfter == p.heldAfter && Objects.equals(entry, p.entry)
                && Objects.equals(account, p.account);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entry, heldAfter);
    }

    @Override
    public String toString() {
        return "Posting(" + entry + " held " + heldAfter + " " + account + ")";
    }
}
