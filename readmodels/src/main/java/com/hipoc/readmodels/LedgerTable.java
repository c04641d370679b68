package com.hipoc.readmodels;

import com.hipoc.events.LedgerEntry;

/**
 * {@code ledger_entries}, written once per {@code (account_id, seq)}: loaded in bulk, a
 * replayed entry is skipped as a duplicate key.
 */
public class LedgerTable extends LoadedTable<LedgerEntry> {
    public LedgerTable() {
        super("ledger_entries", e -> e.createdAt);
    }

    @Override
    public String columns() {
        return "account_id, seq, tx_id, kind, amount, held_delta, balance_after, counterparty, created_at";
    }

    @Override
    public void write(TabSeparatedRows rows, LedgerEntry e) {
        rows.field(e.accountId).field(e.seq).field(e.txId).field(e.kind).field(e.amount).field(e.heldDelta)
                .field(e.balanceAfter).field(e.counterparty).time(e.createdAt);
    }
}
