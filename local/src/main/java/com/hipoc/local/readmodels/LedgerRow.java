package com.hipoc.local.readmodels;

/** A {@code ledger_entries} row, the fields that make up the account's history. */
record LedgerRow(String account, long seq, String kind, long amount, long heldDelta, long balanceAfter, long heldAfter) {
}
