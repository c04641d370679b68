package com.hipoc.job.model;

import com.hipoc.events.Outcome;

import java.util.Objects;

/**
 * The latest decision on a txId: a row of {@code transactions}, whose status only moves
 * forward (PENDING before COMPLETED or FAILED).
 */
public class TransactionRecord {
    public String txId;
    /** The client's command type, wire name. */
    public String type;
    public String account;
    public String counterparty;
    public Long amount;
    public String currency;
    /** The outcome the client gets for this txId; status and reason are read from it. */
    public Outcome outcome;
    /** The command's ts, epoch ms. */
    public long decidedAt;

    public TransactionRecord() {
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TransactionRecord)) {
            return false;
        }
        TransactionRecord t = (TransactionRecord) o;
        return decidedAt == t.decidedAt && Objects.equals(txId, t.txId) && Objects.equals(type, t.type)
                && Objects.equals(account, t.account) && Objects.equals(counterparty, t.counterparty)
                && Objects.equals(amount, t.amount) && Objects.equals(currency, t.currency)
                && Objects.equals(outcome == null ? null : outcome.status, t.outcome == null ? null : t.outcome.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txId, decidedAt);
    }
}
