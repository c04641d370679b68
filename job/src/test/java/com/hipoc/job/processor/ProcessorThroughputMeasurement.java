package com.hipoc.job.processor;

import com.hipoc.events.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.hipoc.job.processor.Commands.deposit;
import static com.hipoc.job.processor.Commands.transfer;
import static com.hipoc.job.processor.Commands.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test: the processor's rate in Flink's operator harness (heap state, one
 * thread), run only when asked for, with the number of commands:
 * <pre>mvn -B -o -pl job -am test -Dtest=ProcessorThroughputMeasurement -Dhipoc.measure.processor=300000 -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It checks that every command was decided, and prints the rate.
 */
@EnabledIfSystemProperty(named = "hipoc.measure.processor", matches = "\\d+")
class ProcessorThroughputMeasurement {
    private static final int ACCOUNTS = 10_000;
    private static final int COMMANDS = Integer.getInteger("hipoc.measure.processor", 0);

    @Test
    void measuresCommandsPerSecond() throws Exception {
        Random random = new Random(1);
        List<Command> commands = new ArrayList<>(COMMANDS);
        for (int i = 0; i < COMMANDS; i++) {
            String account = "acct-" + random.nextInt(ACCOUNTS);
            int kind = random.nextInt(10);
            String txId = "t" + i;
            commands.add(kind < 5 ? deposit(txId, account, 1 + random.nextInt(1000), i)
                    : kind < 8 ? withdrawal(txId, account, 1 + random.nextInt(1000), i)
                    : transfer(txId, account, "acct-" + random.nextInt(ACCOUNTS), 1 + random.nextInt(500), i));
        }
        long decided = 0;
        long outcomes = 0;
        long started = System.nanoTime();
        try (ProcessorHarness processor = new ProcessorHarness(24L * 60 * 60 * 1000)) {
            for (Command c : commands) {
                ProcessorHarness.Emitted emitted = processor.send(c);
                outcomes += emitted.outcomes.size();
                for (Command leg : emitted.legs) {
                    outcomes += processor.send(leg).outcomes.size();
                    decided++;
                }
                decided++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("processor throughput in the harness: %d commands in %.2f s = %.0f commands/s%n",
                decided, seconds, decided / seconds);
        assertThat(outcomes).as("every client command answered").isGreaterThanOrEqualTo(COMMANDS);
    }
}
