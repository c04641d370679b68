package com.hipoc.job.processor;

import com.hipoc.events.Command;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.hipoc.job.processor.Commands.deposit;
import static com.hipoc.job.processor.Commands.transfer;
import static com.hipoc.job.processor.Commands.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

/** Prints the processor's rate in the harness (heap state, one thread); asserts no figure. */
class ThroughputTest {
    private static final int ACCOUNTS = 10_000;
    private static final int COMMANDS = 300_000;

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
        long started = System.nanoTime();
        try (ProcessorHarness processor = new ProcessorHarness(24L * 60 * 60 * 1000)) {
            for (Command c : commands) {
                for (Command leg : processor.send(c).legs) {
                    processor.send(leg);
                    decided++;
                }
                decided++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("processor throughput in the harness: %d commands in %.2f s = %.0f commands/s%n",
                decided, seconds, decided / seconds);
        assertThat(decided).isGreaterThanOrEqualTo(COMMANDS);
    }
}
