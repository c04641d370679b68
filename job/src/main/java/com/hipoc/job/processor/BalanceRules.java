package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.RejectReason;

/**
 * ARCHITECTURE.md's balance rules as a pure function of (command, account, hold). Checks run in
 * a fixed order, so a command breaking several rules always gets the same reason: unknown
 * account, closed, currency, frozen, then the command's own rule.
 */
final class BalanceRules {
    /**
     * Upper bound of every balance: keeps balance, held and available far from long overflow
     * whatever the overdraft limit (itself capped at this value).
     */
    static final long BALANCE_CEILING = 1_000_000_000_000_000_000L;

    private BalanceRules() {
    }

    /**
     * @param account the account's state, null when it does not exist yet
     * @param hold the hold named by a capture, release or expiry, null when there is none
     */
    static Decision decide(Command c, AccountState account, HoldState hold) {
        AccountState current = account != null ? account : openedBy(c);
        if (current == null) {
            return Decision.rejected(RejectReason.ACCOUNT_NOT_FOUND);
        }
        RejectReason refused = gate(c, current);
        if (refused != null) {
            return Decision.rejected(refused);
        }
        AccountState next = current.copy();
        next.version++;
        refused = change(c, next, hold);
        return refused != null ? Decision.rejected(refused) : Decision.applied(account, next);
    }

    /** Deposits and transfer credits open an unknown account in their currency. */
    private static AccountState openedBy(Command c) {
        boolean opens = c.type == CommandType.OPEN || c.type == CommandType.DEPOSIT
                || c.type == CommandType.TRANSFER_CREDIT;
        return opens ? AccountState.opened(c.currency) : null;
    }

    private static RejectReason gate(Command c, AccountState a) {
        // A refund gives back money the account itself sent; refusing it would destroy money.
        if (c.type == CommandType.TRANSFER_REFUND) {
            return null;
        }
        if (a.status == AccountStatus.CLOSED) {
            return RejectReason.ACCOUNT_CLOSED;
        }
        if (c.currency != null && !c.currency.equals(a.currency)) {
            return RejectReason.CURRENCY_MISMATCH;
        }
        if (a.status == AccountStatus.FROZEN && isDebit(c.type)) {
            return RejectReason.ACCOUNT_FROZEN;
        }
        return null;
    }

    private static boolean isDebit(CommandType type) {
        return type == CommandType.WITHDRAWAL || type == CommandType.TRANSFER
                || type == CommandType.HOLD || type == CommandType.CAPTURE;
    }

    private static RejectReason change(Command c, AccountState next, HoldState hold) {
        switch (c.type) {
            case OPEN:
                return configure(next, c);
            case DEPOSIT:
            case TRANSFER_CREDIT:
                return credit(next, c.amount);
            case TRANSFER_REFUND:
                next.balance += c.amount;
                return null;
            case WITHDRAWAL:
            case TRANSFER:
                return debit(next, c.amount);
            case HOLD:
                return reserve(next, c.amount);
            case CAPTURE:
                return capture(next, c, hold);
            case RELEASE:
                return release(next, c, hold);
            case HOLD_EXPIRY:
                return expire(next, c, hold);
            case FREEZE:
                next.status = AccountStatus.FROZEN;
                return null;
            case UNFREEZE:
                next.status = AccountStatus.ACTIVE;
                return null;
            case CLOSE:
                return close(next);
            default:
                throw new IllegalArgumentException("no rule for " + c.type);
        }
    }

    /** OPEN of an existing account updates the limits it names; the result must still hold. */
    private static RejectReason configure(AccountState next, Command c) {
        if (c.overdraftLimit != null) {
            next.overdraftLimit = c.overdraftLimit;
        }
        if (c.maxBalance != null) {
            next.maxBalance = c.maxBalance;
        }
        if (next.maxBalance != null && next.balance > next.maxBalance) {
            return RejectReason.MAX_BALANCE_EXCEEDED;
        }
        return next.available() < 0 ? RejectReason.INSUFFICIENT_FUNDS : null;
    }

    private static RejectReason credit(AccountState next, long amount) {
        long limit = next.maxBalance == null ? BALANCE_CEILING : Math.min(next.maxBalance, BALANCE_CEILING);
        if (next.balance > limit - amount) {
            return RejectReason.MAX_BALANCE_EXCEEDED;
        }
        next.balance += amount;
        return null;
    }

    private static RejectReason debit(AccountState next, long amount) {
        if (next.available() < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        next.balance -= amount;
        return null;
    }

    private static RejectReason reserve(AccountState next, long amount) {
        if (next.available() < amount) {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        next.held += amount;
        return null;
    }

    /** Captures part or all of a hold; like card schemes, the uncaptured rest is released. */
    private static RejectReason capture(AccountState next, Command c, HoldState hold) {
        if (hold == null || hold.lapsedAt(c.ts)) {
            return RejectReason.HOLD_NOT_FOUND;
        }
        long amount = c.amount == null ? hold.amount : c.amount;
        if (amount > hold.amount) {
            return RejectReason.HOLD_EXCEEDED;
        }
        next.balance -= amount;
        next.held -= hold.amount;
        return null;
    }

    private static RejectReason release(AccountState next, Command c, HoldState hold) {
        if (hold == null || hold.lapsedAt(c.ts)) {
            return RejectReason.HOLD_NOT_FOUND;
        }
        next.held -= hold.amount;
        return null;
    }

    /** An expiry written for an earlier hold of the same txId must not release a later one. */
    private static RejectReason expire(AccountState next, Command c, HoldState hold) {
        if (hold == null || hold.expiresAt == null || hold.expiresAt != c.ts) {
            return RejectReason.HOLD_NOT_FOUND;
        }
        next.held -= hold.amount;
        return null;
    }

    private static RejectReason close(AccountState next) {
        if (next.balance != 0 || next.held != 0) {
            return RejectReason.ACCOUNT_NOT_EMPTY;
        }
        next.status = AccountStatus.CLOSED;
        return null;
    }
}
