package com.hipoc.local.readmodels;

/** What a reconciliation looked at and what disagreed. */
public record VerifyReport(long accounts, long ledgerEntries, Mismatches mismatches) {
    public boolean ok() {
        return mismatches.count() == 0;
    }

    public String summary() {
        return "verify: " + accounts + " accounts, " + ledgerEntries + " ledger entries, "
                + (ok() ? "OK" : mismatches.count() + " mismatches");
    }
}
