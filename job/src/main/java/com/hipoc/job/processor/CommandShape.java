package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

/**
 * Whether a record of the log is a command the rules can decide. The ingress validates every
 * request (400 before anything is written), so a malformed record did not come through it; the
 * processor drops it rather than fail the job on it forever.
 */
final class CommandShape {
    private CommandShape() {
    }

    static boolean isWellFormed(Command c) {
        if (c.type == null || c.txId == null || c.account == null) {
            return false;
        }
        return amountFits(c) && currencyPresent(c) && referencesPresent(c)
                && limitFits(c.overdraftLimit) && limitFits(c.maxBalance) && expiryFits(c.expiresInMs);
    }

    private static boolean amountFits(Command c) {
        if (c.amount == null) {
            return !moves(c.type);
        }
        return c.amount >= 1 && c.amount <= Command.MAX_AMOUNT;
    }

    /** Types that must carry an amount and a currency (a capture's amount is optional). */
    private static boolean moves(CommandType type) {
        switch (type) {
            case DEPOSIT: case WITHDRAWAL: case TRANSFER: case HOLD:
            case TRANSFER_CREDIT: case TRANSFER_REFUND: case HOLD_EXPIRY: case TRANSFER_SETTLED:
                return true;
            default:
                return false;
        }
    }

    private static boolean currencyPresent(Command c) {
        return c.currency != null || !(moves(c.type) || c.type == CommandType.OPEN);
    }

    private static boolean referencesPresent(Command c) {
        switch (c.type) {
            case TRANSFER: case TRANSFER_CREDIT:
                return c.counterparty != null;
            case TRANSFER_REFUND:
                return c.counterparty != null && c.reason != null;
            case TRANSFER_SETTLED:
                return c.counterparty != null && c.sourceAccount != null;
            case CAPTURE: case RELEASE: case HOLD_EXPIRY:
                return c.holdTxId != null;
            default:
                return true;
        }
    }

    private static boolean limitFits(Long limit) {
        return limit == null || (limit >= 0 && limit <= BalanceRules.BALANCE_CEILING);
    }

    private static boolean expiryFits(Long expiresInMs) {
        return expiresInMs == null || (expiresInMs >= 1 && expiresInMs <= Command.MAX_EXPIRES_IN_MS);
    }

    /**
     * The idempotency key. A client command is known by its txId, so a changed payload is a
     * conflict. A leg by its txId, kind and the account it comes from: two transfers that reuse a
     * txId from different accounts send the same destination different legs, while one source
     * remembers a txId once, so it never sends two different legs of one kind under it. The kind
     * as its number keeps the key short: it is stored once per remembered leg. '|' cannot occur
     * in a txId.
     */
    static String memoryKey(Command c) {
        return c.type.isLeg() ? c.txId + '|' + c.type.ordinal() + '|' + c.counterparty : c.txId;
    }
}
