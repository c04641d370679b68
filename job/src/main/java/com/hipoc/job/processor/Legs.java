package com.hipoc.job.processor;

import com.hipoc.events.AccountView;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.RejectReason;

/**
 * Commands the processor writes back into the log. Each is a function of the command or hold
 * it comes from, so writing one twice yields two identical records, the second applied as a
 * repeat.
 */
final class Legs {
    private Legs() {
    }

    /** The credit of a debited transfer, decided on the destination. */
    static Command credit(Command transfer, AccountView sourceAfterDebit) {
        Command leg = between(CommandType.TRANSFER_CREDIT, transfer, transfer.counterparty, transfer.account);
        leg.sourceAccount = sourceAfterDebit;
        return leg;
    }

    /** The credit landed: the source learns the transfer it remembers as PENDING is COMPLETED. */
    static Command settled(Command credit) {
        Command leg = between(CommandType.TRANSFER_SETTLED, credit, credit.counterparty, credit.account);
        leg.sourceAccount = credit.sourceAccount;
        return leg;
    }

    /** Money the destination refused, going back to the source with the destination's reason. */
    static Command refund(Command credit, RejectReason reason) {
        Command leg = between(CommandType.TRANSFER_REFUND, credit, credit.counterparty, credit.account);
        leg.reason = reason;
        return leg;
    }

    /** Stamped with the expiry instant, not the time the timer fired, so it is the same on every run. */
    static Command expiry(String account, String holdTxId, HoldState hold, String currency) {
        Command leg = Command.of(CommandType.HOLD_EXPIRY, holdTxId, account, hold.amount, currency, hold.expiresAt);
        leg.holdTxId = holdTxId;
        return leg;
    }

    private static Command between(CommandType type, Command from, String account, String counterparty) {
        Command leg = Command.of(type, from.txId, account, from.amount, from.currency, from.ts);
        leg.counterparty = counterparty;
        leg.replyPartition = from.replyPartition;
        leg.requestId = from.requestId;
        return leg;
    }
}
