package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.WireJson;
import com.hipoc.streaming.RawRecord;

import java.nio.charset.StandardCharsets;

/**
 * Commands as the ingress writes them, answered on a result partition (the processor's tests
 * have their own {@code Commands}, stamped with a time instead).
 */
public final class IngressCommands {
    public static final long TS = 1_790_000_000_000L;

    private IngressCommands() {
    }

    public static Command deposit(String txId, String account, long amount, int answeredOn) {
        return command(CommandType.DEPOSIT, txId, account, amount, answeredOn);
    }

    public static Command withdrawal(String txId, String account, long amount, int answeredOn) {
        return command(CommandType.WITHDRAWAL, txId, account, amount, answeredOn);
    }

    private static Command command(CommandType type, String txId, String account, long amount, int answeredOn) {
        Command c = Command.of(type, txId, account, amount, "USD", TS);
        c.replyPartition = answeredOn;
        return c;
    }

    /** The record the ingress would produce: keyed by the account. */
    public static RawRecord raw(Command command, long offset) {
        return new RawRecord(command.account.getBytes(StandardCharsets.UTF_8), WireJson.encode(command),
                "balance.commands", 0, offset);
    }
}
