package com.hipoc.job.processor;

import com.hipoc.events.Command;
import com.hipoc.events.Outcome;
import com.hipoc.job.model.AccountSnapshot;
import com.hipoc.job.model.LedgerEntry;
import com.hipoc.job.model.TransactionRecord;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decides every command of one account, in log order. Keyed by {@code Command.account}.
 * Main output: the outcome for the requester. Side outputs: legs to write back into
 * {@code balance.commands}, and the read-model rows.
 */
public class AccountProcessor extends KeyedProcessFunction<String, Command, Outcome> {
    public static final OutputTag<Command> LEGS = new OutputTag<>("legs") { };
    public static final OutputTag<LedgerEntry> LEDGER = new OutputTag<>("ledger") { };
    public static final OutputTag<AccountSnapshot> ACCOUNTS = new OutputTag<>("accounts") { };
    public static final OutputTag<TransactionRecord> TRANSACTIONS = new OutputTag<>("transactions") { };

    private final long retentionMs;

    public AccountProcessor(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    @Override
    public void processElement(Command command, Context ctx, Collector<Outcome> out) throws Exception {
        throw new UnsupportedOperationException("not built yet");
    }
}
