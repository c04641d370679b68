package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The balance rules written a second time, plainly and without Flink, as the oracle of the
 * model-based test. It shares no code with the processor: where both agree, the rules were
 * understood the same way twice.
 */
final class ReferenceModel {
    private static final long CEILING = 1_000_000_000_000_000_000L;

    private final long retentionMs;
    private final Map<String, Account> accounts = new TreeMap<>();
    /** Hold-expiry timers: time to accounts, each (time, account) firing once like Flink's. */
    private final TreeMap<Long, TreeSet<String>> timers = new TreeMap<>();
    private long now = Long.MIN_VALUE;

    ReferenceModel(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    private static final class Account {
        boolean exists;
        String currency;
        long balance;
        long held;
        long overdraft;
        Long max;
        AccountStatus status = AccountStatus.ACTIVE;
        long version;
        long clock = Long.MIN_VALUE;
        final Map<String, long[]> holds = new TreeMap<>();
        final Map<String, Memo> memory = new HashMap<>();

        long available() {
            return balance - held + overdraft;
        }
    }

    private record Memo(String fingerprint, Outcome outcome, long decidedAt) {
    }

    /** What one command produced: answers and legs. */
    static final class Result {
        final List<Outcome> outcomes = new ArrayList<>();
        final List<Command> legs = new ArrayList<>();
    }

    Result process(Command c) {
        Account a = accounts.computeIfAbsent(c.account, k -> new Account());
        a.clock = Math.max(a.clock, c.ts);
        Result r = new Result();
        if (c.type == CommandType.HOLD_EXPIRY) {
            long[] h = a.holds.get(c.holdTxId);
            if (h != null && h[1] == c.ts) {
                a.holds.remove(c.holdTxId);
                a.held -= h[0];
                a.version++;
            }
            return r;
        }
        if (c.type == CommandType.TRANSFER_SETTLED) {
            Outcome completed = answer(c, a, OutcomeStatus.COMPLETED, null);
            completed.account = c.sourceAccount;
            revise(a, c.txId, completed);
            return r;
        }
        String fp = c.type + "/" + c.account + "/" + c.amount + "/" + c.currency + "/" + c.counterparty + "/"
                + c.holdTxId + "/" + c.overdraftLimit + "/" + c.maxBalance + "/" + c.expiresInMs + "/" + c.reason;
        String key = c.type.isLeg() ? "leg " + c.txId + " " + fp : c.txId;
        Memo memo = a.memory.get(key);
        if (memo != null && a.clock - memo.decidedAt < retentionMs) {
            if (!memo.fingerprint.equals(fp)) {
                r.outcomes.add(answer(c, a, OutcomeStatus.REJECTED, RejectReason.IDEMPOTENCY_CONFLICT));
            } else if (memo.outcome != null) {
                Outcome again = copy(memo.outcome);
                again.replayed = true;
                again.replyPartition = c.replyPartition;
                again.requestId = c.requestId;
                r.outcomes.add(again);
            }
            return r;
        }
        if (c.type == CommandType.HOLD && a.holds.containsKey(c.txId)) {
            r.outcomes.add(answer(c, a, OutcomeStatus.REJECTED, RejectReason.IDEMPOTENCY_CONFLICT));
            return r;
        }
        RejectReason reason = tryApply(c, a);
        Outcome o;
        if (reason != null) {
            if (c.type == CommandType.TRANSFER_CREDIT) {
                Command refund = leg(CommandType.TRANSFER_REFUND, c, c.counterparty, c.account);
                refund.reason = reason;
                r.legs.add(refund);
                a.memory.put(key, new Memo(fp, null, c.ts));
                return r;
            }
            o = answer(c, a, OutcomeStatus.REJECTED, reason);
        } else if (c.type == CommandType.TRANSFER) {
            o = answer(c, a, OutcomeStatus.PENDING, null);
            Command credit = leg(CommandType.TRANSFER_CREDIT, c, c.counterparty, c.account);
            credit.sourceAccount = o.account;
            r.legs.add(credit);
        } else if (c.type == CommandType.TRANSFER_CREDIT) {
            o = answer(c, a, OutcomeStatus.COMPLETED, null);
            o.account = c.sourceAccount;
            Command settled = leg(CommandType.TRANSFER_SETTLED, c, c.counterparty, c.account);
            settled.sourceAccount = c.sourceAccount;
            r.legs.add(settled);
        } else if (c.type == CommandType.TRANSFER_REFUND) {
            o = answer(c, a, OutcomeStatus.FAILED, c.reason);
            revise(a, c.txId, o);
        } else {
            o = answer(c, a, OutcomeStatus.APPLIED, null);
        }
        a.memory.put(key, new Memo(fp, o, c.ts));
        r.outcomes.add(o);
        return r;
    }

    /** A transfer still remembered at its source answers its final outcome from now on. */
    private void revise(Account a, String txId, Outcome finalOutcome) {
        Memo transfer = a.memory.get(txId);
        if (transfer != null && a.clock - transfer.decidedAt < retentionMs) {
            a.memory.put(txId, new Memo(transfer.fingerprint, finalOutcome, transfer.decidedAt));
        }
    }

    /** Applies the command to the account and returns null, or returns why not and changes nothing. */
    private RejectReason tryApply(Command c, Account a) {
        CommandType t = c.type;
        boolean creates = t == CommandType.OPEN || t == CommandType.DEPOSIT || t == CommandType.TRANSFER_CREDIT;
        if (!a.exists && !creates) {
            return RejectReason.ACCOUNT_NOT_FOUND;
        }
        String currency = a.exists ? a.currency : c.currency;
        if (t != CommandType.TRANSFER_REFUND) {
            if (a.exists && a.status == AccountStatus.CLOSED) {
                return RejectReason.ACCOUNT_CLOSED;
            }
            if (c.currency != null && !c.currency.equals(currency)) {
                return RejectReason.CURRENCY_MISMATCH;
            }
            boolean debit = t == CommandType.WITHDRAWAL || t == CommandType.TRANSFER || t == CommandType.HOLD
                    || t == CommandType.CAPTURE;
            if (a.exists && debit && a.status == AccountStatus.FROZEN) {
                return RejectReason.ACCOUNT_FROZEN;
            }
        }
        long balance = a.balance;
        long held = a.held;
        long overdraft = a.overdraft;
        Long max = a.max;
        AccountStatus status = a.exists ? a.status : AccountStatus.ACTIVE;
        long[] hold = c.holdTxId == null ? null : a.holds.get(c.holdTxId);
        boolean holdUsable = hold != null && (hold[1] == Long.MAX_VALUE || c.ts < hold[1]);
        switch (t) {
            case OPEN -> {
                overdraft = c.overdraftLimit != null ? c.overdraftLimit : overdraft;
                max = c.maxBalance != null ? c.maxBalance : max;
                if (max != null && balance > max) {
                    return RejectReason.MAX_BALANCE_EXCEEDED;
                }
                if (balance - held + overdraft < 0) {
                    return RejectReason.INSUFFICIENT_FUNDS;
                }
            }
            case DEPOSIT, TRANSFER_CREDIT -> {
                long limit = max == null ? CEILING : Math.min(max, CEILING);
                if (balance + c.amount > limit) {
                    return RejectReason.MAX_BALANCE_EXCEEDED;
                }
                balance += c.amount;
            }
            case TRANSFER_REFUND -> balance += c.amount;
            case WITHDRAWAL, TRANSFER, HOLD -> {
                if (a.available() < c.amount) {
                    return RejectReason.INSUFFICIENT_FUNDS;
                }
                if (t == CommandType.HOLD) {
                    held += c.amount;
                } else {
                    balance -= c.amount;
                }
            }
            case CAPTURE -> {
                if (!holdUsable) {
                    return RejectReason.HOLD_NOT_FOUND;
                }
                long take = c.amount == null ? hold[0] : c.amount;
                if (take > hold[0]) {
                    return RejectReason.HOLD_EXCEEDED;
                }
                balance -= take;
                held -= hold[0];
            }
            case RELEASE -> {
                if (!holdUsable) {
                    return RejectReason.HOLD_NOT_FOUND;
                }
                held -= hold[0];
            }
            case FREEZE -> status = AccountStatus.FROZEN;
            case UNFREEZE -> status = AccountStatus.ACTIVE;
            case CLOSE -> {
                if (balance != 0 || held != 0) {
                    return RejectReason.ACCOUNT_NOT_EMPTY;
                }
                status = AccountStatus.CLOSED;
            }
            default -> throw new IllegalStateException(t.name());
        }
        a.exists = true;
        a.currency = currency;
        a.balance = balance;
        a.held = held;
        a.overdraft = overdraft;
        a.max = max;
        a.status = status;
        a.version++;
        if (t == CommandType.HOLD) {
            long expiresAt = c.expiresInMs == null ? Long.MAX_VALUE : c.ts + c.expiresInMs;
            a.holds.put(c.txId, new long[] {c.amount, expiresAt});
            if (c.expiresInMs != null) {
                timers.computeIfAbsent(expiresAt, k -> new TreeSet<>()).add(c.account);
            }
        } else if (t == CommandType.CAPTURE || t == CommandType.RELEASE) {
            a.holds.remove(c.holdTxId);
        }
        return null;
    }

    /** Moves the clock that drives expiry timers; returns the expiry legs written, in log order. */
    List<Command> advanceTo(long time) {
        now = Math.max(now, time);
        List<Command> legs = new ArrayList<>();
        while (!timers.isEmpty() && timers.firstKey() <= now) {
            Map.Entry<Long, TreeSet<String>> due = timers.pollFirstEntry();
            long at = due.getKey();
            for (String account : due.getValue()) {
                Account a = accounts.get(account);
                a.holds.forEach((holdTxId, h) -> {
                    if (h[1] == at) {
                        Command leg = Command.of(CommandType.HOLD_EXPIRY, holdTxId, account, h[0], a.currency, at);
                        leg.holdTxId = holdTxId;
                        legs.add(leg);
                    }
                });
            }
        }
        return legs;
    }

    /** Each account as "currency balance held overdraft max status version", for comparison. */
    Map<String, String> accounts() {
        Map<String, String> out = new TreeMap<>();
        accounts.forEach((id, a) -> {
            if (a.exists) {
                out.put(id, a.currency + " " + a.balance + " " + a.held + " " + a.overdraft + " " + a.max + " "
                        + a.status + " " + a.version);
            }
        });
        return out;
    }

    private static Command leg(CommandType type, Command from, String account, String counterparty) {
        Command leg = Command.of(type, from.txId, account, from.amount, from.currency, from.ts);
        leg.counterparty = counterparty;
        leg.replyPartition = from.replyPartition;
        leg.requestId = from.requestId;
        return leg;
    }

    private static Outcome answer(Command c, Account a, OutcomeStatus status, RejectReason reason) {
        Outcome o = new Outcome();
        o.txId = c.txId;
        o.type = c.type.isLeg() ? CommandType.TRANSFER : c.type;
        o.status = status;
        o.reason = reason;
        o.account = a.exists ? new AccountView(c.account, a.currency, a.balance, a.held, a.available(), a.version,
                a.status) : null;
        o.acceptedAt = c.ts;
        o.replyPartition = c.replyPartition;
        o.requestId = c.requestId;
        return o;
    }

    private static Outcome copy(Outcome o) {
        Outcome x = new Outcome();
        x.txId = o.txId;
        x.type = o.type;
        x.status = o.status;
        x.reason = o.reason;
        x.account = o.account;
        x.acceptedAt = o.acceptedAt;
        return x;
    }
}
