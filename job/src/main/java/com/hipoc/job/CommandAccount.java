package com.hipoc.job;

import com.hipoc.events.Command;
import org.apache.flink.api.java.functions.KeySelector;

/** Commands are decided per account, the same key they have in {@code balance.commands}. */
public class CommandAccount implements KeySelector<Command, String> {
    @Override
    public String getKey(Command command) {
        return command.account;
    }
}
