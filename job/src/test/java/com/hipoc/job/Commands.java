package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.WireJson;
import com.hipoc.streaming.RawRecord;

import java.nio.charset.StandardCharsets;

/** Commands as a client or the ingress would send them. */
public final class Commands {
    public static final long TS = 1_790_000_000_000L;

    private Commands() {
    }

    public static Command deposit(String txId, String account, long amount, int replyPartition) {
        return command(CommandType.DEPOSIT, txId, account, amount, replyPartition);
    }

    public static Command withdrawal(String txId, String account, long amount, int replyPartition) {
        return command(CommandType.WITHDRAWAL, txId, account, amount, replyPartition);
    }

    private static Command command(CommandType type, String txId, String account, long amount, int replyPartition) {
        Command c = Command.of(type, txId, account, amount, "USD", TS);
        c.replyPartition = replyPartition;
        return c;
    }

    /** The record the ingress would produce: keyed by the account. */
    public static RawRecord raw(Command command, long offset) {
        return new RawRecord(command.account.getBytes(StandardCharsets.UTF_8), WireJson.encode(command),
                "balance.commands", 0, offset);
    }
}
