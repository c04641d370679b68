package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

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
        if (!event.entries.isEmpty()) {
            // The account after gives the held amount after the last entry only: start from before the first.
            long held = event.accountAfter.held;
            for (LedgerEntry entry : event.entries) {
                held -= entry.heldDelta;
            }
            for (LedgerEntry entry : event.entries) {
                held += entry.heldDelta;
                out.collect(new Posting(entry, held, event.accountAfter));
            }
        }
        if (event.transaction != null) {
            ctx.output(TRANSACTIONS, event.transaction);
        }
        if (event.accountAfter != null) {
            ctx.output(ACCOUNTS, event.accountAfter);
        }
    }
}
