package com.hipoc.job.processor;

import com.hipoc.events.AccountView;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;

import java.util.ArrayList;
import java.util.List;

/**
 * What one command does, decided from what was read before it and nothing else: the account as
 * it becomes, what the memory and the holds keep, and what is sent (an answer, legs, an event).
 * {@link AccountProcessor} reads, asks for the verdict, writes it, sends it; these functions are
 * the middle step and touch no state.
 */
final class Verdict {
    /** The answer for whoever waits on this record; null when nobody does. */
    Outcome answer;
    /** Commands to write back into the log. */
    final List<Command> legs = new ArrayList<>(1);
    /** The decision as balance.events publishes it; null when nothing was decided (a repeat). */
    BalanceEvent event;
    /** The account as it becomes; null when it does not change. */
    AccountState accountAfter;
    /** The key to remember this decision under; null when it is not remembered. */
    String rememberKey;
    long fingerprint;
    /** The answer remembered with it; null when nobody waits for one. */
    Outcome remembered;
    /** A new answer for the client's txId already remembered (a transfer that settled or failed). */
    Outcome revisedAnswer;
    /** A hold placed under the command's txId. */
    HoldState holdPlaced;
    /** The txId of a hold that ends. */
    String holdEnded;
    /** How the metrics count it: an outcome status or one of ProcessorMetrics' results. */
    String result;

    private Verdict() {
    }

    /**
     * A client command or a leg not seen before: the balance rules decide, the decision is
     * remembered under {@code key}, published, and answered (but a refused credit is answered by
     * the source, once the refund comes back).
     *
     * @param account the account before it, null when it does not exist
     * @param hold the hold the command names, null when none
     */
    static Verdict decided(Command c, String key, long fingerprint, AccountState account, HoldState hold) {
        Verdict v = new Verdict();
        v.rememberKey = key;
        v.fingerprint = fingerprint;
        Decision d = BalanceRules.decide(c, account, hold);
        if (!d.isApplied() && c.type == CommandType.TRANSFER_CREDIT) {
            v.legs.add(Legs.refund(c, d.reason));
            v.event = BalanceEvent.of(c, OutcomeStatus.REJECTED, d.reason);
            v.result = OutcomeStatus.REJECTED.name();
            return v;
        }
        BalanceEvent event = BalanceEvent.of(c, null, null);
        Outcome outcome = d.isApplied() ? v.applied(c, d, event) : rejection(c, d.reason, account);
        v.remembered = outcome;
        event.status = outcome.status;
        event.reason = outcome.reason;
        event.outcome = outcome;
        event.transaction = ReadModelRows.transaction(c, outcome);
        v.event = event;
        v.answer = outcome;
        v.result = outcome.status.name();
        return v;
    }

    /** A repeat of a remembered key: the same request gets its answer again, another one a conflict. */
    static Verdict repeated(Command c, long fingerprint, RememberedOutcome earlier, AccountState account) {
        if (earlier.fingerprint != fingerprint) {
            return conflict(c, account);
        }
        Verdict v = new Verdict();
        if (earlier.wasAnswered()) {
            v.answer = Outcomes.replay(earlier, earlier.accountView(c.account, account == null ? null : account.currency), c);
        }
        v.result = ProcessorMetrics.REPLAYED;
        return v;
    }

    /** The txId's read-model row belongs to the original request, so a conflict publishes nothing. */
    static Verdict conflict(Command c, AccountState account) {
        Verdict v = new Verdict();
        v.answer = rejection(c, RejectReason.IDEMPOTENCY_CONFLICT, account);
        v.result = OutcomeStatus.REJECTED.name();
        return v;
    }

    /**
     * Nobody waits on an expiry and its hold's txId row stays the hold's: only the account changes.
     * One whose hold is gone already is refused, and changes nothing.
     */
    static Verdict expired(Command c, AccountState account, HoldState hold) {
        Verdict v = new Verdict();
        Decision d = BalanceRules.decide(c, account, hold);
        v.event = BalanceEvent.of(c, d.isApplied() ? OutcomeStatus.APPLIED : OutcomeStatus.REJECTED, d.reason);
        if (d.isApplied()) {
            v.store(c, d, v.event);
        }
        v.result = d.isApplied() ? OutcomeStatus.APPLIED.name() : ProcessorMetrics.IGNORED;
        return v;
    }

    /**
     * The requester already has the credit's COMPLETED answer; this only makes the source's memory
     * say the same, so nothing is sent to anyone or changed in the account.
     */
    static Verdict settled(Command c) {
        Verdict v = new Verdict();
        v.revisedAnswer = Outcomes.of(c, OutcomeStatus.COMPLETED, null, c.sourceAccount);
        v.event = BalanceEvent.of(c, OutcomeStatus.COMPLETED, null);
        v.result = OutcomeStatus.COMPLETED.name();
        return v;
    }

    private Outcome applied(Command c, Decision d, BalanceEvent event) {
        store(c, d, event);
        switch (c.type) {
            case TRANSFER:
                AccountView debited = d.after.view(c.account);
                legs.add(Legs.credit(c, debited));
                return Outcomes.of(c, OutcomeStatus.PENDING, null, debited);
            case TRANSFER_CREDIT:
                legs.add(Legs.settled(c));
                // Decided on the destination, whose balance the sender must not see.
                return Outcomes.of(c, OutcomeStatus.COMPLETED, null, c.sourceAccount);
            case TRANSFER_REFUND:
                Outcome failed = Outcomes.of(c, OutcomeStatus.FAILED, c.reason, d.after.view(c.account));
                // A client repeating the transfer now learns it failed, not that it is pending.
                revisedAnswer = failed;
                return failed;
            default:
                return Outcomes.of(c, OutcomeStatus.APPLIED, null, d.after.view(c.account));
        }
    }

    /** The account as it becomes, the holds it places or ends, its ledger entry and the account after it. */
    private void store(Command c, Decision d, BalanceEvent event) {
        accountAfter = d.after;
        if (c.type == CommandType.HOLD) {
            holdPlaced = new HoldState(c.amount, c.expiresInMs == null ? null : c.ts + c.expiresInMs);
        } else if (c.type == CommandType.CAPTURE || c.type == CommandType.RELEASE || c.type == CommandType.HOLD_EXPIRY) {
            holdEnded = c.holdTxId;
        }
        event.entries.add(ReadModelRows.ledgerEntry(c, d));
        event.accountAfter = d.after.snapshot(c.account, c.ts);
    }

    /** Carries the account as it stands, or none when it does not exist. */
    private static Outcome rejection(Command c, RejectReason reason, AccountState account) {
        return Outcomes.of(c, OutcomeStatus.REJECTED, reason, account == null ? null : account.view(c.account));
    }
}
