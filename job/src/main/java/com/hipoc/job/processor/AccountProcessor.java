package com.hipoc.job.processor;

import com.hipoc.events.AccountView;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.Command;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
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

    private transient ValueState<AccountRecord> records;
    private transient MapState<String, HoldState> holds;
    private transient OutcomeMemory memory;
    private transient ProcessorMetrics metrics;
    /** The current command's account record, read once and written back at most once per command. */
    private transient AccountRecord record;

    public AccountProcessor(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    @Override
    public void open(OpenContext openContext) {
        // New names for the compact layouts: a savepoint of the POJO layouts is refused, not half
        // restored (docs/operations.md says how to cross).
        records = getRuntimeContext().getState(new ValueStateDescriptor<>("account-record", new AccountRecordSerializer()));
        holds = getRuntimeContext().getMapState(new MapStateDescriptor<>("holds", Types.STRING,
                Types.POJO(HoldState.class)));
        memory = new OutcomeMemory(getRuntimeContext(), retentionMs);
        metrics = new ProcessorMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Command c, Context ctx, Collector<Outcome> out) throws Exception {
        if (!CommandShape.isWellFormed(c)) {
            metrics.decided(c, ProcessorMetrics.MALFORMED);
            return;
        }
        AccountRecord stored = records.value();
        record = stored != null ? stored : new AccountRecord();
        boolean memoryMoved = memory.advanceTo(record, ctx.getCurrentKey(), c.ts);
        if (handle(c, ctx, out) || memoryMoved) {
            records.update(record);
        }
    }

    /** @return whether the account changed or the command was remembered (a repeat does neither) */
    private boolean handle(Command c, Context ctx, Collector<Outcome> out) throws Exception {
        if (c.type == CommandType.HOLD_EXPIRY) {
            return expire(c, ctx);
        }
        if (c.type == CommandType.TRANSFER_SETTLED) {
            settle(c, ctx);
            return false;
        }
        String key = CommandShape.memoryKey(c);
        long fingerprint = Fingerprint.of(c);
        RememberedOutcome earlier = memory.recall(key);
        if (earlier != null) {
            repeat(c, earlier, fingerprint, out);
            return false;
        }
        if (c.type == CommandType.HOLD && holds.contains(c.txId)) {
            // The txId was forgotten but still names a live hold: a new hold must not replace it.
            conflict(c, out);
            return false;
        }
        decide(c, key, fingerprint, ctx, out);
        return true;
    }

    private void repeat(Command c, RememberedOutcome earlier, long fingerprint, Collector<Outcome> out)
            throws Exception {
        if (earlier.fingerprint != fingerprint) {
            conflict(c, out);
            return;
        }
        if (earlier.wasAnswered()) {
            out.collect(memory.replay(earlier, c));
        }
        metrics.decided(c, ProcessorMetrics.REPLAYED);
    }

    /** The txId's read-model row belongs to the original request, so a conflict writes none. */
    private void conflict(Command c, Collector<Outcome> out) throws Exception {
        out.collect(rejection(c, RejectReason.IDEMPOTENCY_CONFLICT));
        metrics.decided(c, OutcomeStatus.REJECTED.name());
    }

    private void decide(Command c, String key, long fingerprint, Context ctx, Collector<Outcome> out)
            throws Exception {
        Decision d = BalanceRules.decide(c, record.account, heldBy(c));
        if (!d.isApplied() && c.type == CommandType.TRANSFER_CREDIT) {
            // Nobody waits on the destination's refusal: the source answers when the refund lands.
            ctx.output(LEGS, Legs.refund(c, d.reason));
            ctx.output(EVENTS, BalanceEvent.of(c, OutcomeStatus.REJECTED, d.reason));
            memory.remember(key, fingerprint, null, c.ts);
            metrics.decided(c, OutcomeStatus.REJECTED.name());
            return;
        }
        // Its status and reason are the outcome's, known once applied or refused.
        BalanceEvent event = BalanceEvent.of(c, null, null);
        Outcome outcome = d.isApplied() ? apply(c, d, event, ctx) : rejection(c, d.reason);
        memory.remember(key, fingerprint, outcome, c.ts);
        event.status = outcome.status;
        event.reason = outcome.reason;
        event.outcome = outcome;
        event.transaction = ReadModelRows.transaction(c, outcome);
        ctx.output(EVENTS, event);
        out.collect(outcome);
        metrics.decided(c, outcome.status.name());
    }

    private HoldState heldBy(Command c) throws Exception {
        return c.holdTxId == null ? null : holds.get(c.holdTxId);
    }

    /** Carries the account as it stands, or none when it does not exist. */
    private Outcome rejection(Command c, RejectReason reason) {
        AccountState current = record.account;
        return Outcomes.of(c, OutcomeStatus.REJECTED, reason, current == null ? null : current.view(c.account));
    }

    private Outcome apply(Command c, Decision d, BalanceEvent event, Context ctx) throws Exception {
        store(c, d, event, ctx);
        switch (c.type) {
            case TRANSFER:
                AccountView debited = d.after.view(c.account);
                ctx.output(LEGS, Legs.credit(c, debited));
                return Outcomes.of(c, OutcomeStatus.PENDING, null, debited);
            case TRANSFER_CREDIT:
                ctx.output(LEGS, Legs.settled(c));
                // Decided on the destination, whose balance the sender must not see.
                return Outcomes.of(c, OutcomeStatus.COMPLETED, null, c.sourceAccount);
            case TRANSFER_REFUND:
                Outcome failed = Outcomes.of(c, OutcomeStatus.FAILED, c.reason, d.after.view(c.account));
                // A client repeating the transfer now learns it failed, not that it is pending.
                memory.revise(c.txId, failed);
                return failed;
            default:
                return Outcomes.of(c, OutcomeStatus.APPLIED, null, d.after.view(c.account));
        }
    }

    /** Persists an applied decision and adds its ledger entry and the account after it to its event. */
    private void store(Command c, Decision d, BalanceEvent event, Context ctx) throws Exception {
        record.account = d.after;
        if (c.type == CommandType.HOLD) {
            HoldState hold = new HoldState(c.amount, c.expiresInMs == null ? null : c.ts + c.expiresInMs);
            holds.put(c.txId, hold);
            if (hold.expiresAt != null) {
                ctx.timerService().registerProcessingTimeTimer(hold.expiresAt);
            }
        } else if (endsHold(c.type)) {
            holds.remove(c.holdTxId);
        }
        event.entries.add(ReadModelRows.ledgerEntry(c, d));
        event.accountAfter = d.after.snapshot(c.account, c.ts);
    }

    private static boolean endsHold(CommandType type) {
        return type == CommandType.CAPTURE || type == CommandType.RELEASE || type == CommandType.HOLD_EXPIRY;
    }

    /**
     * The requester already has the credit's COMPLETED answer; this only makes the source's memory
     * say the same, so nothing is sent or changed in the account.
     */
    private void settle(Command c, Context ctx) throws Exception {
        memory.revise(c.txId, Outcomes.of(c, OutcomeStatus.COMPLETED, null, c.sourceAccount));
        ctx.output(EVENTS, BalanceEvent.of(c, OutcomeStatus.COMPLETED, null));
        metrics.decided(c, OutcomeStatus.COMPLETED.name());
    }

    /**
     * Nobody waits on an expiry and its hold's txId row stays the hold's: only the account changes.
     * One whose hold is gone already is rejected, and changes nothing.
     *
     * @return whether the account changed
     */
    private boolean expire(Command c, Context ctx) throws Exception {
        Decision d = BalanceRules.decide(c, record.account, heldBy(c));
        BalanceEvent event = BalanceEvent.of(c, d.isApplied() ? OutcomeStatus.APPLIED : OutcomeStatus.REJECTED, d.reason);
        if (d.isApplied()) {
            store(c, d, event, ctx);
        }
        ctx.output(EVENTS, event);
        metrics.decided(c, d.isApplied() ? OutcomeStatus.APPLIED.name() : ProcessorMetrics.IGNORED);
        return d.isApplied();
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
        AccountState current = records.value().account;
        for (String holdTxId : due) {
            ctx.output(LEGS, Legs.expiry(ctx.getCurrentKey(), holdTxId, holds.get(holdTxId), current.currency));
        }
    }
}
