package com.hipoc.job.processor;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides every command of one account, in log order. Keyed by {@code Command.account}.
 * Main output: the outcome for the requester. Side outputs: legs to write back into
 * {@code balance.commands}, and one event per decided command for {@code balance.events}.
 *
 * <p>Every output is a function of the commands read so far: time is the commands' own
 * {@code ts}. The one timer (a hold's expiry) only writes a HOLD_EXPIRY command into the log,
 * which changes the account when it is read back.
 */
public class AccountProcessor extends KeyedProcessFunction<String, Command, Outcome> {
    public static final OutputTag<Command> LEGS = new OutputTag<>("legs") { };
    public static final OutputTag<BalanceEvent> EVENTS = new OutputTag<>("events") { };

    private final long retentionMs;
    private final int cachedAccounts;

    private transient AccountRecords records;
    private transient MapState<String, HoldState> holds;
    private transient OutcomeMemory memory;
    private transient ProcessorMetrics metrics;

    /** @param cachedAccounts how many account records to keep on the heap per subtask */
    public AccountProcessor(long retentionMs, int cachedAccounts) {
        this.retentionMs = retentionMs;
        this.cachedAccounts = cachedAccounts;
    }

    @Override
    public void open(OpenContext openContext) {
        // New names for the compact layouts: a savepoint of the POJO layouts is refused, not half
        // restored (docs/operations.md says how to cross).
        records = new AccountRecords(getRuntimeContext().getState(
                new ValueStateDescriptor<>("account-record", new AccountRecordSerializer())), cachedAccounts);
        holds = getRuntimeContext().getMapState(new MapStateDescriptor<>("holds", Types.STRING,
                Types.POJO(HoldState.class)));
        memory = new OutcomeMemory(getRuntimeContext(), retentionMs);
        metrics = new ProcessorMetrics(getRuntimeContext().getMetricGroup());
    }

    /**
     * One pass: read the account and what the command needs of the memory and the holds, ask the
     * pure {@link Verdict} what it does, write that, send it.
     */
    @Override
    public void processElement(Command c, Context ctx, Collector<Outcome> out) throws Exception {
        if (!CommandShape.isWellFormed(c)) {
            metrics.decided(c, ProcessorMetrics.MALFORMED);
            return;
        }
        AccountRecord record = records.of(ctx.getCurrentKey());
        memory.advanceTo(record, ctx.getCurrentKey(), c.ts);
        Verdict verdict = judge(c, record.account);
        write(c, verdict, ctx);
        if (verdict.accountAfter != null) {
            record.account = verdict.accountAfter;
        }
        if (verdict.accountAfter != null || memory.indexChanged()) {
            records.update(record);
        }
        send(c, verdict, ctx, out);
    }

    /** Reads what this command's verdict depends on, and asks for it. */
    private Verdict judge(Command c, AccountState account) throws Exception {
        switch (c.type) {
            case HOLD_EXPIRY:
                return Verdict.expired(c, account, heldBy(c));
            case TRANSFER_SETTLED:
                return Verdict.settled(c);
            default:
                String key = CommandShape.memoryKey(c);
                long fingerprint = Fingerprint.of(c);
                RememberedOutcome earlier = memory.recall(key);
                if (earlier != null) {
                    return Verdict.repeated(c, fingerprint, earlier, account);
                }
                if (c.type == CommandType.HOLD && holds.contains(c.txId)) {
                    // The txId was forgotten but still names a live hold: a new hold must not replace it.
                    return Verdict.conflict(c, account);
                }
                return Verdict.decided(c, key, fingerprint, account, heldBy(c));
        }
    }

    private HoldState heldBy(Command c) throws Exception {
        return c.holdTxId == null ? null : holds.get(c.holdTxId);
    }

    /** The memory and the holds as the verdict says; the account record is written by the caller. */
    private void write(Command c, Verdict v, Context ctx) throws Exception {
        if (v.holdPlaced != null) {
            holds.put(c.txId, v.holdPlaced);
            if (v.holdPlaced.expiresAt != null) {
                ctx.timerService().registerProcessingTimeTimer(v.holdPlaced.expiresAt);
            }
        }
        if (v.holdEnded != null) {
            holds.remove(v.holdEnded);
        }
        if (v.rememberKey != null) {
            memory.remember(v.rememberKey, v.fingerprint, v.remembered, c.ts);
        }
        if (v.revisedAnswer != null) {
            memory.revise(c.txId, v.revisedAnswer);
        }
    }

    private void send(Command c, Verdict v, Context ctx, Collector<Outcome> out) {
        for (Command leg : v.legs) {
            ctx.output(LEGS, leg);
        }
        if (v.event != null) {
            ctx.output(EVENTS, v.event);
        }
        if (v.answer != null) {
            out.collect(v.answer);
        }
        metrics.decided(c, v.result);
    }

    /**
     * Fires on processing time, which only decides when the expiry is written; its content and
     * effect come from the hold alone. Sorted so that legs of holds expiring together are
     * written in the same order on every run.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Outcome> out) throws Exception {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, HoldState> e : holds.entries()) {
            if (e.getValue().expiresAt != null && e.getValue().expiresAt == timestamp) {
                due.add(e.getKey());
            }
        }
        due.sort(null);
        AccountState current = records.of(ctx.getCurrentKey()).account;
        for (String holdTxId : due) {
            ctx.output(LEGS, Legs.expiry(ctx.getCurrentKey(), holdTxId, holds.get(holdTxId), current.currency));
        }
    }
}
