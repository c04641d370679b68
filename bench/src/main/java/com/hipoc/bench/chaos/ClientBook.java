package com.hipoc.bench.chaos;

import com.hipoc.events.Command;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every command the client sent, and the answer it finally got for it: what the stack must
 * agree with at the end. Each account's money follows from the answers alone, whatever order
 * the engine decided them in.
 */
final class ClientBook {
    private final Map<String, Command> sent = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    /** An account's money as the client's answers say it must be. */
    record Money(long balance, long held) {
        Money plus(long balanceDelta, long heldDelta) {
            return new Money(balance + balanceDelta, held + heldDelta);
        }
    }

    void sent(Command command) {
        sent.put(command.txId, command);
    }

    void answered(String txId, String status) {
        answers.put(txId, status);
    }

    int sentCount() {
        return sent.size();
    }

    Map<String, String> answers() {
        return Map.copyOf(answers);
    }

    Command command(String txId) {
        return sent.get(txId);
    }

    /** Ledger entries the answer implies: one per account change, two for a transfer (debit and credit, or debit and refund). */
    static int ledgerEntries(String status) {
        return switch (status) {
            case "APPLIED" -> 1;
            case "COMPLETED", "FAILED" -> 2;
            default -> 0;
        };
    }

    /** Balance and held amount of every account some answered command changed. */
    Map<String, Money> expectedMoney() {
        Map<String, Money> money = new HashMap<>();
        answers.forEach((txId, status) -> {
            Command c = sent.get(txId);
            if (status.equals("APPLIED")) {
                applied(c, money);
            } else if (status.equals("COMPLETED")) {
                money.merge(c.account, new Money(-c.amount, 0), ClientBook::add);
                money.merge(c.counterparty, new Money(c.amount, 0), ClientBook::add);
            }
        });
        return money;
    }

    private void applied(Command c, Map<String, Money> money) {
        long hold = c.holdTxId == null ? 0 : sent.get(c.holdTxId).amount;
        Money change = switch (c.type) {
            case DEPOSIT -> new Money(c.amount, 0);
            case WITHDRAWAL -> new Money(-c.amount, 0);
            case HOLD -> new Money(0, c.amount);
            case CAPTURE -> new Money(-hold, -hold);
            case RELEASE -> new Money(0, -hold);
            default -> throw new IllegalStateException("the chaos load sends no " + c.type);
        };
        money.merge(c.account, change, ClientBook::add);
    }

    private static Money add(Money a, Money b) {
        return a.plus(b.balance(), b.held());
    }
}
