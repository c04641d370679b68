package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;

/**
 * {@code ledger_entries}, written once per {@code (account_id, seq)}: loaded in bulk, a
 * replayed entry is skipped as a duplicate key. Each row carries the account after it.
 */
public class LedgerTable extends LoadedTable<Posting> {
    public LedgerTable() {
        super("ledger_entries", p -> p.entry.createdAt);
    }

    @Override
    public String columns() {
        return "account_id, seq, tx_id, kind, amount, held_delta, balance_after, held_after, currency, status,"
                + " overdraft_limit, max_balance, counterparty, created_at";
    }

    @Override
    public void write(TabSeparatedRows rows, Posting p) {
        LedgerEntry e = p.entry;
        AccountSnapshot a = p.account;
        rows.field(e.accountId).field(e.seq).field(e.txId).field(e.kind).field(e.amount).field(e.heldDelta)
                .field(e.balanceAfter).field(p.heldAfter).field(a.currency).field(a.status.name())
                .field(a.overdraftLimit).field(a.maxBalance).field(e.counterparty).time(e.createdAt);
    }
}
