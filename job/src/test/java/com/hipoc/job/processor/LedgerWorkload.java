package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Client commands in the proportions of {@code bin/hipoc bench} (bench's {@code CommandMix}):
 * 28% deposits, 28% withdrawals, 2% over-draws, 25% transfers, 7% holds, 5% captures or
 * releases of a hold 50 commands later, 5% retries of a sent deposit or withdrawal. Accounts
 * are picked uniformly; each command is stamped one millisecond after the one before.
 */
final class LedgerWorkload {
    static final long OPENING_BALANCE = 10_000_000;
    private static final int[] UP_TO = {28, 56, 58, 83, 90, 95, 100};
    private static final int HOLD_LIFETIME = 50;
    private static final int RETRY_WINDOW = 64;

    private final int accounts;
    private final SplittableRandom random;
    private final ArrayDeque<Command> openHolds = new ArrayDeque<>();
    private final Command[] recent = new Command[RETRY_WINDOW];
    private long sent;

    LedgerWorkload(int accounts, long seed) {
        this.accounts = accounts;
        this.random = new SplittableRandom(seed);
    }

    /** The deposit that opens account {@code i}, as the bench seeds every account. */
    Command opening(int i) {
        return stamped(Commands.deposit("open-" + i, name(i), OPENING_BALANCE, 0));
    }

    Command next() {
        int p = random.nextInt(100);
        Command c = p < UP_TO[0] ? Commands.deposit(txId(), account(), amount(), 0)
                : p < UP_TO[1] ? Commands.withdrawal(txId(), account(), amount(), 0)
                : p < UP_TO[2] ? Commands.withdrawal(txId(), account(), 1_000_000_000_000L, 0)
                : p < UP_TO[3] ? Commands.transfer(txId(), account(), account(), amount(), 0)
                : p < UP_TO[4] ? hold()
                : p < UP_TO[5] ? endOldestHold()
                : retry();
        if (c.type == CommandType.DEPOSIT || c.type == CommandType.WITHDRAWAL) {
            recent[(int) (sent % RETRY_WINDOW)] = c;
        }
        return stamped(c);
    }

    private Command hold() {
        Command c = Commands.hold(txId(), account(), amount(), null, 0);
        openHolds.addLast(c);
        return c;
    }

    private Command endOldestHold() {
        Command hold = openHolds.peekFirst();
        if (hold == null || sent - hold.ts < HOLD_LIFETIME) {
            return Commands.deposit(txId(), account(), amount(), 0);
        }
        openHolds.removeFirst();
        return random.nextBoolean() ? Commands.capture(txId(), hold.account, hold.txId, null, 0)
                : Commands.release(txId(), hold.account, hold.txId, 0);
    }

    /** The same request again under the same txId, as a client does after a lost answer. */
    private Command retry() {
        Command original = recent[random.nextInt(RETRY_WINDOW)];
        return original == null ? Commands.deposit(txId(), account(), amount(), 0)
                : Command.of(original.type, original.txId, original.account, original.amount, original.currency, 0);
    }

    private Command stamped(Command c) {
        c.ts = sent++;
        return c;
    }

    private String account() {
        return name(random.nextInt(accounts));
    }

    private static String name(int i) {
        return "bench-" + i;
    }

    private long amount() {
        return 1 + random.nextLong(10_000);
    }

    private String txId() {
        return "m-" + Long.toString(sent, 36);
    }
}
