package com.hipoc.readmodels;

import com.hipoc.events.AccountView;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.TransactionRecord;

/**
 * {@code transactions}, one row per txId and status rank, every row loaded in bulk: a txId's
 * answer is its row of the highest rank, so its status only moves forward, and a replayed status
 * is skipped as a duplicate key. Only a transfer has two: PENDING from its source, then COMPLETED
 * or FAILED from its destination, usually in another flush, which an upsert over the PENDING row
 * made the read models' dearest write (docs/read-models.md). The outcome is kept as columns the
 * ingress rebuilds it from: its status, reason and the account it answered (the row's account;
 * EventDecoder refuses an event whose outcome disagrees with its row).
 */
public class TransactionTable extends LoadedTable<TransactionRecord> {
    private static final int PENDING_RANK = 1;
    private static final int FINAL_RANK = 2;

    public TransactionTable() {
        super("transactions", t -> t.decidedAt);
    }

    /** How far a status has moved: PENDING before any final status. */
    static int rank(TransactionRecord t) {
        return t.outcome.status == OutcomeStatus.PENDING ? PENDING_RANK : FINAL_RANK;
    }

    /** account_currency ... account_status: the account the outcome answered, all NULL when none. */
    @Override
    public String columns() {
        return "tx_id, type, status, status_rank, reason, account_id, counterparty, amount, currency, account_currency,"
                + " account_balance, account_held, account_available, account_version, account_status, created_at";
    }

    @Override
    public void write(TabSeparatedRows rows, TransactionRecord t) {
        rows.field(t.txId).field(t.type).field(t.outcome.status.name()).field(rank(t))
                .field(t.outcome.reason == null ? null : t.outcome.reason.name())
                .field(t.account).field(t.counterparty).field(t.amount).field(t.currency);
        AccountView a = t.outcome.account;
        if (a == null) {
            rows.nulls(6);
        } else {
            rows.field(a.currency).field(a.balance).field(a.held).field(a.available).field(a.version)
                    .field(a.status.name());
        }
        rows.time(t.decidedAt);
    }
}
