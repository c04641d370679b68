package com.hipoc.job.processor;

import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;

import java.util.Objects;

/**
 * What the processor remembers of a decided key so that a repeat changes nothing: its
 * fingerprint, and the answer given less what the repeat itself carries (the txId, which its key
 * holds, and where to reply) and less what the account's state already knows (its id and
 * currency, which the view then leaves null).
 */
public class RememberedOutcome {
    /** {@link Fingerprint#of}: a repeat must match it. */
    public long fingerprint;
    /** Command time of the decision; the entry is forgotten one retention window later. */
    public long decidedAt;
    /** Null for a decision nobody waits for (a refused transfer credit); the fields below are then unset. */
    public OutcomeStatus status;
    public CommandType type;
    public RejectReason reason;
    /** The account answered; {@code account} and {@code currency} null when they are the state's own. */
    public AccountView account;
    public long acceptedAt;

    public RememberedOutcome() {
    }

    /** @param answer the outcome sent, or null when nobody waits for one */
    RememberedOutcome(long fingerprint, Outcome answer, long decidedAt, String accountId, String currency) {
        this.fingerprint = fingerprint;
        this.decidedAt = decidedAt;
        if (answer != null) {
            answer(answer, accountId, currency);
        }
    }

    /** Keeps what a replay of {@code o} needs; a refund's FAILED replaces its transfer's PENDING this way. */
    void answer(Outcome o, String accountId, String currency) {
        status = o.status;
        type = o.type;
        reason = o.reason;
        acceptedAt = o.acceptedAt;
        account = null;
        if (o.account != null) {
            AccountView v = o.account;
            account = new AccountView(Objects.equals(v.account, accountId) ? null : v.account,
                    Objects.equals(v.currency, currency) ? null : v.currency, v.balance, v.held, v.available, v.version, v.status);
        }
    }

    /** The account answered, whole again. */
    AccountView accountView(String accountId, String currency) {
        if (account == null) {
            return null;
        }
        return new AccountView(account.account == null ? accountId : account.account,
                account.currency == null ? currency : account.currency,
                account.balance, account.held, account.available, account.version, account.status);
    }

    boolean wasAnswered() {
        return status != null;
    }
}
