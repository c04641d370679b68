package com.hipoc.job.processor;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.EventJson;
import com.hipoc.events.Outcome;
import com.hipoc.events.WireJson;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plays client commands through the processor and the reference model side by side, as the
 * log would: legs (transfer credits, refunds, expiries) join the log behind what is already
 * there, interleaved with later client commands, some written twice as after a recovery.
 * Processing time follows the client commands' ts, which fires hold-expiry timers.
 */
final class LockstepRun {
    static final long RETENTION_MS = 5_000;
    private static final Comparator<Command> EXPIRY_ORDER =
            Comparator.<Command>comparingLong(c -> c.ts).thenComparing(c -> c.account).thenComparing(c -> c.txId);

    private final ReferenceModel model = new ReferenceModel(RETENTION_MS);
    private final Map<String, AccountSnapshot> lastSnapshot = new TreeMap<>();
    private final Map<String, List<LedgerEntry>> ledgers = new HashMap<>();
    private int commandsRun;

    /** What the runs a test made reached, added up over them: to show the sequences reach every rule. */
    static final class Coverage {
        /** Commands (client and legs) of every completed run. */
        long commands;
        /** Every answer seen: a status, "replayed " and a status, or a reason. */
        final Set<String> answers = new TreeSet<>();
    }

    private final Coverage coverage;

    private LockstepRun(Coverage coverage) {
        this.coverage = coverage;
    }

    /** @return null when processor and model agree throughout, else what differed first */
    static String mismatch(List<Command> clients, long seed, Coverage coverage) throws Exception {
        try (ProcessorHarness processor = new ProcessorHarness(RETENTION_MS)) {
            return mismatch(clients, seed, processor, coverage);
        }
    }

    /** @param processor a fresh processor with {@link #RETENTION_MS}, on any state backend */
    static String mismatch(List<Command> clients, long seed, ProcessorHarness processor, Coverage coverage)
            throws Exception {
        return new LockstepRun(coverage).play(clients, seed, processor);
    }

    private String play(List<Command> clients, long seed, ProcessorHarness processor) throws Exception {
        Random random = new Random(seed);
        Deque<Command> log = new ArrayDeque<>();
        int next = 0;
        while (next < clients.size() || !log.isEmpty()) {
            boolean takeLeg = !log.isEmpty() && (next == clients.size() || random.nextInt(3) == 0);
            Command c = takeLeg ? log.poll() : clients.get(next++);
            if (!takeLeg && c.ts > processor.processingTime()) {
                String diff = advance(processor, c.ts, log);
                if (diff != null) {
                    return diff;
                }
            }
            String diff = step(processor, c, log, random);
            if (diff != null) {
                return diff;
            }
            if (next == clients.size() && log.isEmpty()) {
                diff = advance(processor, processor.processingTime() + 1_000_000, log);
                if (diff != null) {
                    return diff;
                }
            }
        }
        coverage.commands += commandsRun;
        return finalState();
    }

    private String advance(ProcessorHarness processor, long time, Deque<Command> log) throws Exception {
        List<Command> expected = new ArrayList<>(model.advanceTo(time));
        List<Command> actual = new ArrayList<>(processor.advanceTo(time).legs);
        expected.sort(EXPIRY_ORDER);
        actual.sort(EXPIRY_ORDER);
        if (!encode(expected).equals(encode(actual))) {
            return "expiry legs at " + time + ": model " + encode(expected) + " processor " + encode(actual);
        }
        log.addAll(actual);
        return null;
    }

    private String step(ProcessorHarness processor, Command c, Deque<Command> log, Random random) throws Exception {
        commandsRun++;
        ReferenceModel.Result expected = model.process(c);
        ProcessorHarness.Emitted actual = processor.send(c);
        if (!encode(expected.outcomes).equals(encode(actual.outcomes))) {
            return c + " @" + c.ts + ": model " + encode(expected.outcomes) + " processor " + encode(actual.outcomes);
        }
        if (!encode(expected.legs).equals(encode(actual.legs))) {
            return c + " legs: model " + encode(expected.legs) + " processor " + encode(actual.legs);
        }
        for (Command leg : actual.legs) {
            log.add(leg);
            if (random.nextInt(10) == 0) {
                log.add(leg);
            }
        }
        for (Outcome o : actual.outcomes) {
            coverage.answers.add(o.replayed ? "replayed " + o.status : o.status.name());
            coverage.answers.add(String.valueOf(o.reason));
        }
        for (BalanceEvent sent : actual.events) {
            rebuildFrom(EventJson.decode(EventJson.encode(sent)));
        }
        return null;
    }

    /** As any consumer of balance.events would: the ledger and the accounts from the events' JSON alone. */
    private void rebuildFrom(BalanceEvent e) {
        if (e.accountAfter != null) {
            lastSnapshot.put(e.account, e.accountAfter);
        }
        ledgers.computeIfAbsent(e.account, k -> new ArrayList<>()).addAll(e.entries);
    }

    /**
     * Final balances agree, and each ledger rebuilt from the events is the account's complete
     * history, adding up to its balance.
     */
    private String finalState() {
        Map<String, String> actual = new TreeMap<>();
        lastSnapshot.forEach((id, s) -> actual.put(id, s.currency + " " + s.balance + " " + s.held + " "
                + s.overdraftLimit + " " + s.maxBalance + " " + s.status + " " + s.version));
        if (!actual.equals(model.accounts())) {
            return "final accounts: model " + model.accounts() + " processor " + actual;
        }
        for (AccountSnapshot s : lastSnapshot.values()) {
            List<LedgerEntry> entries = ledgers.get(s.account);
            long balance = 0;
            long held = 0;
            for (int i = 0; i < entries.size(); i++) {
                LedgerEntry e = entries.get(i);
                balance += e.amount;
                held += e.heldDelta;
                if (e.seq != i + 1 || e.balanceAfter != balance) {
                    return "ledger of " + s.account + " breaks at " + e;
                }
            }
            if (entries.size() != s.version || balance != s.balance || held != s.held) {
                return "ledger of " + s.account + " does not add up to " + s;
            }
        }
        return null;
    }

    private static String encode(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            b.append(new String(WireJson.encode(v), StandardCharsets.UTF_8)).append('\n');
        }
        return b.toString();
    }
}
