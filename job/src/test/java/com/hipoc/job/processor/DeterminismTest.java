package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.WireJson;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions are a function of the log: the same log gives byte-identical outputs, also when the
 * operator is snapshotted and restored half-way, as after a crash.
 */
class DeterminismTest {
    private static final long RETENTION_MS = 5_000;

    /** One entry of a recorded run: a command read from the log, or processing time moving on. */
    private record Step(Command command, long time) {
    }

    @Test
    void theSameLogGivesTheSameBytesAcrossASnapshotAndRestore() throws Exception {
        List<Step> log = new ArrayList<>();
        byte[] first = record(new CommandGenerator(7).sequence(3_000), log);

        byte[] second;
        try (ProcessorHarness again = new ProcessorHarness(RETENTION_MS)) {
            second = replay(again, log, 0, log.size());
        }
        int middle = log.size() / 2;
        ByteArrayOutputStream restored = new ByteArrayOutputStream();
        OperatorSubtaskState snapshot;
        try (ProcessorHarness beforeCrash = new ProcessorHarness(RETENTION_MS)) {
            restored.write(replay(beforeCrash, log, 0, middle));
            snapshot = beforeCrash.snapshot();
        }
        try (ProcessorHarness afterCrash = new ProcessorHarness(RETENTION_MS, snapshot)) {
            restored.write(replay(afterCrash, log, middle, log.size()));
        }

        assertThat(log.size()).isGreaterThan(3_000);
        assertThat(second).isEqualTo(first);
        assertThat(restored.toByteArray()).isEqualTo(first);
    }

    /** Runs client commands with their legs fed back right behind them, writing down the log read. */
    private static byte[] record(List<Command> clients, List<Step> log) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ProcessorHarness processor = new ProcessorHarness(RETENTION_MS)) {
            Deque<Command> legs = new ArrayDeque<>();
            for (Command client : clients) {
                log.add(new Step(null, client.ts));
                legs.addAll(write(processor.advanceTo(client.ts), out));
                legs.addFirst(client);
                while (!legs.isEmpty()) {
                    Command c = legs.poll();
                    log.add(new Step(c, 0));
                    legs.addAll(write(processor.send(c), out));
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] replay(ProcessorHarness processor, List<Step> log, int from, int to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Step step : log.subList(from, to)) {
            write(step.command == null ? processor.advanceTo(step.time) : processor.send(step.command), out);
        }
        return out.toByteArray();
    }

    private static List<Command> write(ProcessorHarness.Emitted e, ByteArrayOutputStream out) throws Exception {
        for (List<?> rows : List.of(e.outcomes, e.legs, e.ledger, e.accounts, e.transactions)) {
            for (Object row : rows) {
                out.write(WireJson.encode(row));
                out.write('\n');
            }
        }
        return e.legs;
    }
}
