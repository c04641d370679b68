package com.hipoc.readmodels;

import com.hipoc.events.BalanceEvent;
import com.hipoc.events.EventJson;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.Outcome;
import com.hipoc.events.TransactionRecord;
import com.hipoc.streaming.RawRecord;
import com.hipoc.streaming.RecordDecoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns raw records of {@code balance.events} into events, refusing any this job cannot write
 * as it stands: a row the stores refuse would fail the job on the same offset after every
 * restart. That covers a newer schema version, whose fields this job might misread, a key
 * other than the account, which would put the event outside its account's order, and ledger
 * entries without the account after them, which their rows carry.
 */
public class EventDecoder extends RecordDecoder<BalanceEvent> {
    public EventDecoder() {
        super("an event", "undecodableEvents");
    }

    /** The JSON carries the outcome once, as the event's; the transaction row takes it from there. */
    @Override
    protected BalanceEvent decode(byte[] value) throws IOException {
        BalanceEvent event = EventJson.decode(value);
        if (event != null && event.transaction != null) {
            event.transaction.outcome = event.outcome;
        }
        return event;
    }

    @Override
    protected String reasonToRefuse(RawRecord raw, BalanceEvent e) {
        if (e.v > BalanceEvent.VERSION) {
            return "event version " + e.v + " is newer than this job reads (" + BalanceEvent.VERSION + ")";
        }
        if (e.account == null || e.txId == null || e.kind == null || e.status == null || e.entries == null) {
            return "event without account, txId, kind, status or entries";
        }
        if (raw.key == null || !Arrays.equals(raw.key, e.account.getBytes(StandardCharsets.UTF_8))) {
            return "record key is not the event's account";
        }
        for (LedgerEntry entry : e.entries) {
            if (entry == null || !e.account.equals(entry.accountId)) {
                return "ledger entry of another account";
            }
        }
        if (e.accountAfter != null && !e.account.equals(e.accountAfter.account)) {
            return "account after is another account";
        }
        if (!e.entries.isEmpty() && (e.accountAfter == null
                || e.entries.get(e.entries.size() - 1).seq != e.accountAfter.version)) {
            return "ledger entries without the account after the last of them";
        }
        if (e.transaction != null && (e.outcome == null || e.outcome.status == null)) {
            return "transaction without an outcome";
        }
        if (e.transaction != null && !answersItsTransaction(e.outcome, e.transaction)) {
            return "outcome of another txId, type, time or account than its transaction";
        }
        return null;
    }

    /**
     * The transactions table keeps an outcome's txId, type, time and account once, as its row's, so an
     * outcome that differs from its row could not be answered as it was.
     */
    private static boolean answersItsTransaction(Outcome o, TransactionRecord t) {
        return Objects.equals(o.txId, t.txId) && o.type != null && o.type.wireName().equals(t.type)
                && o.acceptedAt == t.decidedAt
                && (o.account == null || Objects.equals(o.account.account, t.account) && o.account.status != null);
    }
}
