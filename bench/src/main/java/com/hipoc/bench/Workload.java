package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * The stream of commands one driver sends: reproducible from the seed, with txIds unique to the
 * run (the engine remembers txIds for a day, so a second run must not look like a retry).
 * Not thread-safe: each driver thread has its own.
 */
final class Workload {
    static final String CURRENCY = "USD";
    /** Each account's opening deposit: enough that ordinary withdrawals rarely fail. */
    static final long OPENING_BALANCE = 10_000_000;
    private static final long MAX_AMOUNT = 10_000;
    private static final long OVERDRAW_AMOUNT = 1_000_000_000_000L;
    /** How many commands a hold stays open before its capture or release is sent. */
    private static final int HOLD_LIFETIME = 50;
    private static final int RETRY_WINDOW = 64;

    private final AccountPicker accounts;
    private final CommandMix mix;
    private final SplittableRandom random;
    private final String runId;
    private final ArrayDeque<OpenHold> openHolds = new ArrayDeque<>();
    private final Command[] recent = new Command[RETRY_WINDOW];
    private long sent;

    Workload(AccountPicker accounts, CommandMix mix, long seed, String runId) {
        this.accounts = accounts;
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        this.runId = runId;
    }

    static Command opening(long account, String runId) {
        return Command.of(CommandType.DEPOSIT, runId + "-open-" + account, AccountPicker.name(account), OPENING_BALANCE,
                CURRENCY, 0);
    }

    Command next() {
        CommandMix.Kind kind = mix.next(random);
        Command c = switch (kind) {
            case DEPOSIT -> single(CommandType.DEPOSIT, amount());
            case WITHDRAWAL -> single(CommandType.WITHDRAWAL, amount());
            case OVERDRAW -> single(CommandType.WITHDRAWAL, OVERDRAW_AMOUNT);
            case TRANSFER -> transfer();
            case HOLD -> hold();
            case HOLD_END -> endOldestHold();
            case RETRY -> retry();
        };
        if (c.type == CommandType.DEPOSIT || c.type == CommandType.WITHDRAWAL) {
            recent[(int) (sent % RETRY_WINDOW)] = c;
        }
        sent++;
        return c;
    }

    private Command single(CommandType type, long amount) {
        return Command.of(type, txId(), AccountPicker.name(accounts.next(random)), amount, CURRENCY, 0);
    }

    private Command transfer() {
        long from = accounts.next(random);
        long to = accounts.next(random);
        while (to == from) {
            to = accounts.next(random);
        }
        Command c = Command.of(CommandType.TRANSFER, txId(), AccountPicker.name(from), amount(), CURRENCY, 0);
        c.counterparty = AccountPicker.name(to);
        return c;
    }

    private Command hold() {
        Command c = single(CommandType.HOLD, amount());
        openHolds.addLast(new OpenHold(c, sent));
        return c;
    }

    /** Captures (all of it) or releases the oldest open hold once it has had time to be decided. */
    private Command endOldestHold() {
        OpenHold open = openHolds.peekFirst();
        if (open == null || sent - open.sentAt() < HOLD_LIFETIME) {
            return single(CommandType.DEPOSIT, amount());
        }
        openHolds.removeFirst();
        Command hold = open.hold();
        CommandType type = random.nextBoolean() ? CommandType.CAPTURE : CommandType.RELEASE;
        Command c = Command.of(type, txId(), hold.account, null, null, 0);
        c.holdTxId = hold.txId;
        return c;
    }

    /** The same request again under the same txId, as a client does after a lost answer. */
    private Command retry() {
        Command original = recent[random.nextInt(RETRY_WINDOW)];
        if (original == null) {
            return single(CommandType.DEPOSIT, amount());
        }
        return Command.of(original.type, original.txId, original.account, original.amount, original.currency, 0);
    }

    private long amount() {
        return 1 + random.nextLong(MAX_AMOUNT);
    }

    private String txId() {
        return runId + "-" + Long.toString(sent, 36);
    }

    private record OpenHold(Command hold, long sentAt) {
    }
}
