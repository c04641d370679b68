package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.events.WireJson;
import com.hipoc.streaming.RawRecord;
import com.hipoc.streaming.RecordDecoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns raw records of {@code balance.commands} into commands. A record whose key is not its
 * account is refused too: it would put the command in another account's partition, where its
 * order is not reproducible.
 */
public class CommandDecoder extends RecordDecoder<Command> {
    public CommandDecoder() {
        super("a command", "undecodableCommands");
    }

    @Override
    protected Command decode(byte[] value) throws IOException {
        return WireJson.decode(value, Command.class);
    }

    @Override
    protected String reasonToRefuse(RawRecord raw, Command command) {
        if (command.type == null || command.txId == null || command.account == null) {
            return "command without type, txId or account";
        }
        if (raw.key == null || !Arrays.equals(raw.key, command.account.getBytes(StandardCharsets.UTF_8))) {
            return "record key is not the command's account";
        }
        return null;
    }
}
