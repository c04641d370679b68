package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.events.WireJson;
import com.hipoc.streaming.DeadLetter;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns raw records into commands. A record that is not a command, or whose key is not its
 * account, goes to {@link #UNDECODABLE} instead: one bad record must neither stop the job nor
 * make it restart forever on the same offset. A key that differs from the account would put
 * the command in another account's partition, where its order is not reproducible.
 */
public class CommandDecoder extends ProcessFunction<RawRecord, Command> {
    public static final OutputTag<DeadLetter> UNDECODABLE = new OutputTag<>("undecodable") { };

    private static final Logger LOG = LoggerFactory.getLogger(CommandDecoder.class);

    private transient Counter undecodable;

    @Override
    public void open(OpenContext openContext) {
        undecodable = getRuntimeContext().getMetricGroup().counter("undecodableCommands");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Command> out) {
        Command command = null;
        String reason;
        try {
            command = raw.value == null ? null : WireJson.decode(raw.value, Command.class);
            reason = reasonToRefuse(raw, command);
        } catch (IOException | RuntimeException e) {
            reason = "not a command: " + firstCause(e);
        }
        if (reason == null) {
            out.collect(command);
            return;
        }
        undecodable.inc();
        LOG.warn("Refused record {}-{}@{}: {}", raw.topic, raw.partition, raw.offset, reason);
        ctx.output(UNDECODABLE, new DeadLetter(raw, reason));
    }

    /**
     * The innermost message, first line only: the parser's wrappers add the whole record and a
     * stack of locations, which a reason header need not carry.
     */
    private static String firstCause(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /** Null when the decoded command is one this engine can decide. */
    private static String reasonToRefuse(RawRecord raw, Command command) {
        if (command == null) {
            return "empty record";
        }
        if (command.type == null || command.txId == null || command.account == null) {
            return "command without type, txId or account";
        }
        if (raw.key == null || !Arrays.equals(raw.key, command.account.getBytes(StandardCharsets.UTF_8))) {
            return "record key is not the command's account";
        }
        return null;
    }
}
