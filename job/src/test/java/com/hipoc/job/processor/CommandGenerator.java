package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random client commands over a handful of accounts, biased towards the edges: repeats,
 * reused txIds, over-draws, unknown accounts, other currencies, expiring holds, transfers both
 * ways.
 */
final class CommandGenerator {
    private static final String[] ACCOUNTS = {"a", "b", "c", "d"};

    private final Random random;
    private final List<Command> sent = new ArrayList<>();
    private final List<String> holdTxIds = new ArrayList<>();
    private long ts = 1_000_000;

    CommandGenerator(long seed) {
        random = new Random(seed);
    }

    List<Command> sequence(int length) {
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            ts += random.nextInt(400);
            Command c = next();
            c.ts = ts;
            c.replyPartition = random.nextInt(3);
            c.requestId = i + 1;
            sent.add(c);
            out.add(c);
        }
        return out;
    }

    private Command next() {
        int roll = random.nextInt(100);
        if (roll < 8 && !sent.isEmpty()) {
            return copyOf(pick(sent));
        }
        if (roll < 12 && !sent.isEmpty()) {
            Command reused = fresh();
            reused.txId = pick(sent).txId;
            return reused;
        }
        return fresh();
    }

    private Command fresh() {
        String txId = "t" + sent.size();
        String account = random.nextInt(10) == 0 ? "x" + random.nextInt(3) : pick(ACCOUNTS);
        int kind = random.nextInt(100);
        if (kind < 8) {
            return Commands.open(txId, account, currency(), random.nextBoolean() ? null : (long) random.nextInt(500),
                    random.nextInt(3) == 0 ? (long) 500 + random.nextInt(3000) : null, 0);
        }
        if (kind < 30) {
            return Commands.withCurrency(Commands.deposit(txId, account, amount(), 0), currency());
        }
        if (kind < 42) {
            return Commands.withCurrency(Commands.withdrawal(txId, account, amount(), 0), currency());
        }
        if (kind < 62) {
            String to = random.nextInt(15) == 0 ? account : pick(ACCOUNTS);
            return Commands.withCurrency(Commands.transfer(txId, account, to, amount(), 0), currency());
        }
        if (kind < 74) {
            holdTxIds.add(txId);
            Long expires = random.nextBoolean() ? null : (long) 1 + random.nextInt(3000);
            return Commands.withCurrency(Commands.hold(txId, account, amount(), expires, 0), currency());
        }
        if (kind < 82) {
            Long amount = random.nextBoolean() ? null : (long) 1 + random.nextInt(600);
            return Commands.capture(txId, account, holdRef(), amount, 0);
        }
        if (kind < 88) {
            return Commands.release(txId, account, holdRef(), 0);
        }
        CommandType[] statusChanges = {CommandType.FREEZE, CommandType.UNFREEZE, CommandType.FREEZE,
            CommandType.UNFREEZE, CommandType.CLOSE};
        return Commands.status(statusChanges[random.nextInt(statusChanges.length)], txId, account, 0);
    }

    private String holdRef() {
        return holdTxIds.isEmpty() || random.nextInt(8) == 0 ? "nohold" : pick(holdTxIds);
    }

    private long amount() {
        int roll = random.nextInt(50);
        if (roll == 0) {
            return Command.MAX_AMOUNT;
        }
        return 1 + random.nextInt(roll < 10 ? 2000 : 500);
    }

    private String currency() {
        return random.nextInt(12) == 0 ? "EUR" : "USD";
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private <T> T pick(T[] from) {
        return from[random.nextInt(from.length)];
    }

    /** The same request sent again: new ts and replyPartition are set by the caller. */
    private static Command copyOf(Command c) {
        Command x = Command.of(c.type, c.txId, c.account, c.amount, c.currency, 0);
        x.counterparty = c.counterparty;
        x.holdTxId = c.holdTxId;
        x.overdraftLimit = c.overdraftLimit;
        x.maxBalance = c.maxBalance;
        x.expiresInMs = c.expiresInMs;
        return x;
    }
}
