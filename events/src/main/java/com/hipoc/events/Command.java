package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One record of {@code balance.commands}: a request decided on exactly one account, the
 * record's key. A Flink POJO (public fields, no-arg constructor) so it needs no Kryo.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Command {
    /** API.md: every amount is a whole number of minor units from 1 to 10^15. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /** The longest hold, a hundred years: far beyond any real one, far from overflowing {@code ts + expiresInMs}. */
    public static final long MAX_EXPIRES_IN_MS = 100L * 366 * 24 * 60 * 60 * 1000;

    public CommandType type;
    public String txId;
    /** The account this command is decided on; also the Kafka key. */
    public String account;
    public Long amount;
    public String currency;
    /** Transfer: the other account (destination for the debit, source for the legs). */
    public String counterparty;
    /** Capture, release and expiry: the txId of the hold. */
    public String holdTxId;
    public Long overdraftLimit;
    public Long maxBalance;
    public Long expiresInMs;
    /** Refund leg: why the destination refused the credit; the transfer fails with it. */
    public RejectReason reason;
    /**
     * Credit leg: the source account right after the debit. The transfer's final answer is
     * decided on the destination and carries this, the requester's account, not the destination's.
     */
    public AccountView sourceAccount;
    /** Instant the ingress took the command (epoch ms); the only clock the engine knows. */
    public long ts;
    /** Partition of {@code balance.results} the waiting ingress instance reads; -1 for none. */
    public int replyPartition = -1;
    /**
     * Chosen by the ingress per request, unique within its instance's result partition, and
     * copied into the outcome answering this very record: a reply is matched by it, not by txId,
     * so of identical requests in flight each gets the answer made for its own record. 0 for none.
     */
    public long requestId;

    public Command() {
    }

    public static Command of(CommandType type, String txId, String account, Long amount, String currency, long ts) {
        Command c = new Command();
        c.type = type;
        c.txId = txId;
        c.account = account;
        c.amount = amount;
        c.currency = currency;
        c.ts = ts;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Command)) {
            return false;
        }
        Command c = (Command) o;
        return ts == c.ts && replyPartition == c.replyPartition && requestId == c.requestId && type == c.type
                && Objects.equals(txId, c.txId) && Objects.equals(account, c.account)
                && Objects.equals(amount, c.amount) && Objects.equals(currency, c.currency)
                && Objects.equals(counterparty, c.counterparty) && Objects.equals(holdTxId, c.holdTxId)
                && Objects.equals(overdraftLimit, c.overdraftLimit) && Objects.equals(maxBalance, c.maxBalance)
                && Objects.equals(expiresInMs, c.expiresInMs) && reason == c.reason
                && Objects.equals(sourceAccount, c.sourceAccount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, txId, account, amount, ts);
    }

    @Override
    public String toString() {
        return type + "(" + txId + " " + account + " " + amount + " " + currency + ")";
    }
}
