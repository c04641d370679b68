package com.hipoc.job;

import com.hipoc.events.Command;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDecoderTest {
    @Test
    void decodesCommandsAndRefusesTheRestWithAReason() throws Exception {
        Command deposit = Commands.deposit("t-1", "alice", 100, 0);
        RawCommand good = Commands.raw(deposit, 1);
        RawCommand garbage = new RawCommand("alice".getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8), "balance.commands", 0, 2);
        RawCommand wrongKey = Commands.raw(deposit, 3);
        wrongKey.key = "bob".getBytes(StandardCharsets.UTF_8);
        RawCommand noAccount = new RawCommand(null, "{\"type\":\"deposit\",\"txId\":\"t-2\"}".getBytes(StandardCharsets.UTF_8),
                "balance.commands", 0, 4);
        RawCommand tombstone = new RawCommand("alice".getBytes(StandardCharsets.UTF_8), null, "balance.commands", 0, 5);

        try (OneInputStreamOperatorTestHarness<RawCommand, Command> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new CommandDecoder())) {
            for (RawCommand raw : List.of(good, garbage, wrongKey, noAccount, tombstone)) {
                harness.processElement(raw, 0);
            }
            assertThat(harness.extractOutputValues()).containsExactly(deposit);
            assertThat(harness.getSideOutput(CommandDecoder.UNDECODABLE))
                    .extracting(r -> r.getValue().record.offset + " " + r.getValue().reason)
                    .hasSize(4)
                    .anySatisfy(s -> assertThat(s).startsWith("2 not a command"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("3 record key is not the command's account"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("4 command without type, txId or account"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("5 empty record"));
        }
    }
}
