package com.hipoc.job.processor;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * The processor in Flink's keyed operator harness, one harness for every key, with generic
 * (Kryo) types disabled as in the job. Each call returns what the processor emitted for it.
 */
final class ProcessorHarness implements AutoCloseable {
    /**
     * Fewer than the tests' accounts, so that records are read both from the cache and from the
     * state; the measurements set their own with {@code -Dhipoc.measure.cachedAccounts}.
     */
    private static final int CACHED_ACCOUNTS = Integer.getInteger("hipoc.measure.cachedAccounts", 2);

    private final KeyedOneInputStreamOperatorTestHarness<String, Command, Outcome> harness;
    private long snapshots;

    ProcessorHarness(long retentionMs) throws Exception {
        this(retentionMs, null);
    }

    /** @param restored a snapshot to start from, or null for empty state */
    ProcessorHarness(long retentionMs, OperatorSubtaskState restored) throws Exception {
        harness = newHarness(retentionMs);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    /** On another state backend than the heap, e.g. RocksDB, checkpointing into {@code storage}. */
    ProcessorHarness(long retentionMs, StateBackend backend, CheckpointStorage storage) throws Exception {
        harness = newHarness(retentionMs);
        harness.setStateBackend(backend);
        harness.setCheckpointStorage(storage);
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Command, Outcome> newHarness(long retentionMs)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Command, Outcome> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AccountProcessor(retentionMs, CACHED_ACCOUNTS)),
                        c -> c.account, Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        return harness;
    }

    Emitted send(Command c) throws Exception {
        harness.processElement(c, c.ts);
        return drain();
    }

    /** Moves processing time, firing hold-expiry timers. */
    Emitted advanceTo(long time) throws Exception {
        harness.setProcessingTime(time);
        return drain();
    }

    long processingTime() {
        return harness.getProcessingTime();
    }

    OperatorSubtaskState snapshot() throws Exception {
        snapshots++;
        return harness.snapshot(snapshots, snapshots);
    }

    /** A checkpoint as the job takes one: snapshot, then completed, so the next one can be incremental. */
    OperatorSubtaskState checkpoint() throws Exception {
        OperatorSubtaskState state = snapshot();
        harness.notifyOfCompletedCheckpoint(snapshots);
        return state;
    }

    int stateEntries() {
        return harness.numKeyedStateEntries();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    @SuppressWarnings("unchecked")
    private Emitted drain() {
        Emitted e = new Emitted();
        for (Object o = harness.getOutput().poll(); o != null; o = harness.getOutput().poll()) {
            if (o instanceof StreamRecord) {
                e.outcomes.add(((StreamRecord<Outcome>) o).getValue());
            }
        }
        take(AccountProcessor.LEGS, e.legs);
        take(AccountProcessor.EVENTS, e.events);
        for (BalanceEvent event : e.events) {
            e.ledger.addAll(event.entries);
            if (event.accountAfter != null) {
                e.accounts.add(event.accountAfter);
            }
            if (event.transaction != null) {
                e.transactions.add(event.transaction);
            }
        }
        return e;
    }

    private <T> void take(OutputTag<T> tag, List<T> into) {
        Queue<StreamRecord<T>> queue = harness.getSideOutput(tag);
        if (queue != null) {
            for (StreamRecord<T> r = queue.poll(); r != null; r = queue.poll()) {
                into.add(r.getValue());
            }
        }
    }

    /** Everything the processor emitted in one step, per output; the events also unpacked by kind of row. */
    static final class Emitted {
        final List<Outcome> outcomes = new ArrayList<>();
        final List<Command> legs = new ArrayList<>();
        final List<BalanceEvent> events = new ArrayList<>();
        final List<LedgerEntry> ledger = new ArrayList<>();
        final List<AccountSnapshot> accounts = new ArrayList<>();
        final List<TransactionRecord> transactions = new ArrayList<>();

        Outcome outcome() {
            if (outcomes.size() != 1) {
                throw new AssertionError("expected one outcome, got " + outcomes.size());
            }
            return outcomes.get(0);
        }
    }
}
