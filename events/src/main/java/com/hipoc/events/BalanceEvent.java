package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of {@code balance.events}: one decided command of one account, in the account's
 * decision order. Public and versioned (docs/events.md): fields may be added, none removed or
 * changed in meaning. Repeats and idempotency conflicts change nothing and have no event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BalanceEvent {
    public static final int VERSION = 1;

    /** Schema version of this record. */
    public int v = VERSION;
    /** The account the command was decided on; also the Kafka key. */
    public String account;
    public String txId;
    /** The command decided, including the engine's own legs ({@code transfer_credit}, ...). */
    public CommandType kind;
    /** The command's ts, epoch ms. */
    public long ts;
    /** The decision on this account: APPLIED, REJECTED, or a transfer's PENDING, COMPLETED, FAILED. */
    public OutcomeStatus status;
    public RejectReason reason;
    /** The answer the requester got; absent when nobody waits for one (expiries, refused credits, settlements). */
    public Outcome outcome;
    /** The txId's row as it stands after this decision; absent when the decision does not set one. */
    public TransactionRecord transaction;
    /** What the decision wrote into the account's ledger, in seq order; empty when it changed nothing. */
    public List<LedgerEntry> entries = new ArrayList<>();
    /** The account right after the decision; absent when the decision did not change it. */
    public AccountSnapshot accountAfter;

    public BalanceEvent() {
    }

    public static BalanceEvent of(Command c, OutcomeStatus status, RejectReason reason) {
        BalanceEvent e = new BalanceEvent();
        e.account = c.account;
        e.txId = c.txId;
        e.kind = c.type;
        e.ts = c.ts;
        e.status = status;
        e.reason = reason;
        return e;
    }
}
