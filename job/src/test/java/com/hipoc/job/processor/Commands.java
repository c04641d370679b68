package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

/** Short builders for test commands; every one names its ts, the engine's only clock. */
final class Commands {
    static final String USD = "USD";

    private Commands() {
    }

    static Command open(String txId, String account, String currency, Long overdraftLimit, Long maxBalance, long ts) {
        Command c = Command.of(CommandType.OPEN, txId, account, null, currency, ts);
        c.overdraftLimit = overdraftLimit;
        c.maxBalance = maxBalance;
        return c;
    }

    static Command deposit(String txId, String account, long amount, long ts) {
        return Command.of(CommandType.DEPOSIT, txId, account, amount, USD, ts);
    }

    static Command withdrawal(String txId, String account, long amount, long ts) {
        return Command.of(CommandType.WITHDRAWAL, txId, account, amount, USD, ts);
    }

    static Command transfer(String txId, String from, String to, long amount, long ts) {
        Command c = Command.of(CommandType.TRANSFER, txId, from, amount, USD, ts);
        c.counterparty = to;
        return c;
    }

    static Command hold(String txId, String account, long amount, Long expiresInMs, long ts) {
        Command c = Command.of(CommandType.HOLD, txId, account, amount, USD, ts);
        c.expiresInMs = expiresInMs;
        return c;
    }

    static Command capture(String txId, String account, String holdTxId, Long amount, long ts) {
        Command c = Command.of(CommandType.CAPTURE, txId, account, amount, null, ts);
        c.holdTxId = holdTxId;
        return c;
    }

    static Command release(String txId, String account, String holdTxId, long ts) {
        Command c = Command.of(CommandType.RELEASE, txId, account, null, null, ts);
        c.holdTxId = holdTxId;
        return c;
    }

    static Command status(CommandType type, String txId, String account, long ts) {
        return Command.of(type, txId, account, null, null, ts);
    }

    static Command withCurrency(Command c, String currency) {
        c.currency = currency;
        return c;
    }
}
