package com.hipoc.job;

import com.hipoc.events.Command;
import com.hipoc.streaming.RawRecord;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandDecoderTest {
    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();

    @Test
    void decodesCommandsAndRefusesTheRestWithAReasonAndACount() throws Exception {
        Command deposit = IngressCommands.deposit("t-1", "alice", 100, 0);
        Command after = IngressCommands.deposit("t-3", "alice", 100, 0);
        RawRecord good = IngressCommands.raw(deposit, 1);
        RawRecord garbage = raw("alice", "{not json", 2);
        RawRecord wrongKey = IngressCommands.raw(deposit, 3);
        wrongKey.key = "bob".getBytes(StandardCharsets.UTF_8);
        RawRecord noAccount = raw(null, "{\"type\":\"deposit\",\"txId\":\"t-2\"}", 4);
        RawRecord tombstone = raw("alice", null, 5);
        RawRecord unknownType = raw("alice", "{\"type\":\"teleport\",\"txId\":\"t-9\",\"account\":\"alice\"}", 6);
        RawRecord goodAfterPoison = IngressCommands.raw(after, 7);

        try (OneInputStreamOperatorTestHarness<RawRecord, Command> harness = harness()) {
            harness.open();
            for (RawRecord raw : List.of(good, garbage, wrongKey, noAccount, tombstone, unknownType, goodAfterPoison)) {
                harness.processElement(raw, 0);
            }
            assertThat(harness.extractOutputValues()).containsExactly(deposit, after);
            assertThat(harness.getSideOutput(CommandDecoder.UNDECODABLE))
                    .extracting(r -> r.getValue().record.offset + " " + r.getValue().reason)
                    .hasSize(5)
                    .anySatisfy(s -> assertThat(s).startsWith("2 not a command: Unexpected character"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("3 record key is not the command's account"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("4 command without type, txId or account"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("5 empty record"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("6 not a command: unknown command type 'teleport'"));
            assertThat(((Counter) metrics.get("undecodableCommands")).getCount()).isEqualTo(5);
        }
    }

    private static RawRecord raw(String key, String value, long offset) {
        return new RawRecord(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), "balance.commands", 0, offset);
    }

    /** A harness whose operator registers its metrics where the test can read them. */
    private OneInputStreamOperatorTestHarness<RawRecord, Command> harness() throws Exception {
        MockEnvironment environment = new MockEnvironmentBuilder()
                .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                    @Override
                    public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name, Map<String, String> info) {
                        return metrics;
                    }
                })
                .build();
        return new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new CommandDecoder()), environment);
    }
}
