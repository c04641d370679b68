package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.List;

/**
 * Splits each event into the rows it sets: its ledger entries, each with the account after it
 * (the main output), its txId's transaction row and the account after it for Redis (side
 * outputs), each absent when the decision set none.
 */
public class EventRows extends ProcessFunction<BalanceEvent, Posting> {
    public static final OutputTag<TransactionRecord> TRANSACTIONS = new OutputTag<>("transactions") { };
    public static final OutputTag<AccountSnapshot> ACCOUNTS = new OutputTag<>("accounts") { };

    @Override
    public void processElement(BalanceEvent event, Context ctx, Collector<Posting> out) {
        List<LedgerEntry> entries = event.entries;
        // The held amount after each entry, back from the last one's, which the account after gives.
        long[] heldAfter = new long[entries.size()];
        long held = entries.isEmpty() ? 0 : event.accountAfter.held;
        for (int i = entries.size() - 1; i >= 0; i--) {
            heldAfter[i] = held;
            held -= entries.get(i).heldDelta;
        }
        for (int i = 0; i < entries.size(); i++) {
            out.collect(new Posting(entries.get(i), heldAfter[i], event.accountAfter));
        }
        if (event.transaction != null) {
            ctx.output(TRANSACTIONS, event.transaction);
        }
        if (event.accountAfter != null) {
            ctx.output(ACCOUNTS, event.accountAfter);
        }
    }
}
