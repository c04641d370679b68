package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * The latest decision on a txId: a row of {@code transactions}, whose status only moves
 * forward (PENDING before COMPLETED or FAILED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TransactionRecord {
    public String txId;
    /** The client's command type, wire name. */
    public String type;
    public String account;
    public String counterparty;
    public Long amount;
    public String currency;
    /**
     * The outcome the client gets for this txId; status and reason are read from it. Not in an
     * event's JSON, which carries it once, as the event's {@code outcome}.
     */
    @JsonIgnore
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
