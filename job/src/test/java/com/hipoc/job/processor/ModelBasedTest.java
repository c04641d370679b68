package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of seeded random sequences through the processor and the reference model, which
 * must agree on every outcome, leg and final balance. A failure names its seed and the
 * shortest failing sequence found by removing commands while it still fails.
 */
class ModelBasedTest {
    private static final int SEQUENCES = 2_000;
    private static final long FIRST_SEED = 20261124L;

    @Test
    void processorAgreesWithTheModel() throws Exception {
        long started = System.nanoTime();
        long clientCommands = 0;
        LockstepRun.Coverage coverage = new LockstepRun.Coverage();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEQUENCES; seed++) {
            List<Command> sequence = new CommandGenerator(seed).sequence(20 + (int) (seed % 41));
            clientCommands += sequence.size();
            String mismatch = LockstepRun.mismatch(sequence, seed, coverage);
            if (mismatch != null) {
                List<Command> shortest = shrink(sequence, seed);
                fail("seed " + seed + ": " + mismatch + "\nshortest failing sequence (" + shortest.size()
                        + " commands, first mismatch " + LockstepRun.mismatch(shortest, seed, new LockstepRun.Coverage()) + "):\n"
                        + render(shortest));
            }
        }
        assertThat(coverage.answers).containsAll(everyAnswer());
        System.out.printf("model-based test: %d sequences, %d client commands, %d commands with legs, %.1f s%n",
                SEQUENCES, clientCommands, coverage.commands, (System.nanoTime() - started) / 1e9);
    }

    private static List<String> everyAnswer() {
        List<String> answers = new ArrayList<>();
        Arrays.stream(RejectReason.values()).forEach(r -> answers.add(r.name()));
        Arrays.stream(OutcomeStatus.values()).forEach(s -> answers.add(s.name()));
        Arrays.stream(OutcomeStatus.values()).forEach(s -> answers.add("replayed " + s.name()));
        return answers;
    }

    /** Removes ever smaller chunks of commands for as long as the sequence still fails. */
    private static List<Command> shrink(List<Command> failing, long seed) throws Exception {
        List<Command> current = failing;
        for (int chunk = current.size() / 2; chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int from = 0; from + chunk <= current.size(); from += chunk) {
                    List<Command> candidate = new ArrayList<>(current.subList(0, from));
                    candidate.addAll(current.subList(from + chunk, current.size()));
                    if (LockstepRun.mismatch(candidate, seed, new LockstepRun.Coverage()) != null) {
                        current = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private static String render(List<Command> commands) {
        StringBuilder b = new StringBuilder();
        for (Command c : commands) {
            b.append("  ").append(c).append(" ts=").append(c.ts).append(" cp=").append(c.counterparty)
                    .append(" hold=").append(c.holdTxId).append(" expiresInMs=").append(c.expiresInMs)
                    .append(" od=").append(c.overdraftLimit).append(" max=").append(c.maxBalance).append('\n');
        }
        return b.toString();
    }
}
