package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;

/** Builds the ledger and transaction rows of a decision. */
final class ReadModelRows {
    private ReadModelRows() {
    }

    static LedgerEntry ledgerEntry(Command c, Decision d) {
        LedgerEntry e = new LedgerEntry();
        e.accountId = c.account;
        e.seq = d.after.version;
        e.txId = c.txId;
        e.kind = c.type.wireName();
        e.amount = d.balanceDelta();
        e.heldDelta = d.heldDelta();
        e.balanceAfter = d.after.balance;
        e.counterparty = c.counterparty;
        e.createdAt = c.ts;
        return e;
    }

    /** One row per txId, always seen from the transfer's source, whichever leg decides it. */
    static TransactionRecord transaction(Command c, Outcome outcome) {
        boolean atDestination = c.type == CommandType.TRANSFER_CREDIT;
        TransactionRecord t = new TransactionRecord();
        t.txId = c.txId;
        t.type = outcome.type.wireName();
        t.account = atDestination ? c.counterparty : c.account;
        t.counterparty = atDestination ? c.account : c.counterparty;
        t.amount = c.amount;
        t.currency = c.currency;
        t.outcome = outcome;
        t.decidedAt = c.ts;
        return t;
    }
}
