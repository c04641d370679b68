package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.BalanceEvent;
import com.hipoc.events.CommandType;
import com.hipoc.events.EventJson;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.RejectReason;
import com.hipoc.events.Topics;
import com.hipoc.events.TransactionRecord;
import com.hipoc.streaming.RawRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Events as the engine writes them to {@code balance.events}, and the records that carry them. */
final class Events {
    static final long TS = Rows.TS;

    private Events() {
    }

    /**
     * Two accounts' decisions in the engine's order per account: alice deposits 1000, withdraws
     * 300, is refused 5000, and sends bob 100, which bob's credit completes; bob deposits 50;
     * carol, who has no account, is refused. A transfer's legs carry its time, as the engine's do.
     */
    static List<BalanceEvent> history() {
        BalanceEvent creditAtBob = changed(decided("bob", "t-5", CommandType.TRANSFER_CREDIT, OutcomeStatus.COMPLETED,
                TS + 5), 2, 100, 150, "alice");
        answered(creditAtBob, "alice", "bob", 100);
        creditAtBob.outcome.account = view("alice", 600, 3);
        return List.of(
                answered(changed(decided("alice", "t-1", CommandType.DEPOSIT, OutcomeStatus.APPLIED, TS + 1), 1, 1000,
                        1000, null), "alice", null, 1000),
                answered(changed(decided("alice", "t-2", CommandType.WITHDRAWAL, OutcomeStatus.APPLIED, TS + 2), 2, -300,
                        700, null), "alice", null, 300),
                answered(refused(decided("alice", "t-3", CommandType.WITHDRAWAL, OutcomeStatus.REJECTED, TS + 3),
                        RejectReason.INSUFFICIENT_FUNDS, 700, 2), "alice", null, 5000),
                answered(changed(decided("bob", "t-4", CommandType.DEPOSIT, OutcomeStatus.APPLIED, TS + 4), 1, 50, 50, null),
                        "bob", null, 50),
                answered(changed(decided("alice", "t-5", CommandType.TRANSFER, OutcomeStatus.PENDING, TS + 5), 3, -100, 600,
                        "bob"), "alice", "bob", 100),
                creditAtBob,
                decided("alice", "t-5", CommandType.TRANSFER_SETTLED, OutcomeStatus.COMPLETED, TS + 5),
                answered(refused(decided("carol", "t-6", CommandType.WITHDRAWAL, OutcomeStatus.REJECTED, TS + 6),
                        RejectReason.ACCOUNT_NOT_FOUND), "carol", null, 1));
    }

    /** An event that changed nothing and answered nobody (a settlement, a refused credit). */
    static BalanceEvent decided(String account, String txId, CommandType kind, OutcomeStatus status, long ts) {
        BalanceEvent e = new BalanceEvent();
        e.account = account;
        e.txId = txId;
        e.kind = kind;
        e.ts = ts;
        e.status = status;
        return e;
    }

    /** Adds the ledger entry and the account after an applied change to {@code e}. */
    static BalanceEvent changed(BalanceEvent e, long version, long amount, long balanceAfter, String counterparty) {
        LedgerEntry entry = new LedgerEntry();
        entry.accountId = e.account;
        entry.seq = version;
        entry.txId = e.txId;
        entry.kind = e.kind.wireName();
        entry.amount = amount;
        entry.balanceAfter = balanceAfter;
        entry.counterparty = counterparty;
        entry.createdAt = e.ts;
        e.entries.add(entry);
        AccountSnapshot after = new AccountSnapshot();
        after.account = e.account;
        after.currency = "USD";
        after.balance = balanceAfter;
        after.status = AccountStatus.ACTIVE;
        after.version = version;
        after.updatedAt = e.ts;
        e.accountAfter = after;
        e.outcome = outcome(e, view(e.account, balanceAfter, version));
        return e;
    }

    /** Makes {@code e} a refusal that left the account as it was. */
    static BalanceEvent refused(BalanceEvent e, RejectReason reason, long balance, long version) {
        e.reason = reason;
        e.outcome = outcome(e, view(e.account, balance, version));
        return e;
    }

    /** Makes {@code e} a refusal on an account that does not exist, so its outcome answers none. */
    static BalanceEvent refused(BalanceEvent e, RejectReason reason) {
        e.reason = reason;
        e.outcome = outcome(e, null);
        return e;
    }

    /** Adds the txId's transaction row, seen from the transfer's source like the engine's. */
    static BalanceEvent answered(BalanceEvent e, String account, String counterparty, long amount) {
        TransactionRecord t = new TransactionRecord();
        t.txId = e.txId;
        t.type = e.outcome.type.wireName();
        t.account = account;
        t.counterparty = counterparty;
        t.amount = amount;
        t.currency = "USD";
        t.outcome = e.outcome;
        t.decidedAt = e.ts;
        e.transaction = t;
        return e;
    }

    private static Outcome outcome(BalanceEvent e, AccountView account) {
        Outcome o = new Outcome();
        o.txId = e.txId;
        o.type = e.kind == CommandType.TRANSFER_CREDIT ? CommandType.TRANSFER : e.kind;
        o.status = e.status;
        o.reason = e.reason;
        o.account = account;
        o.acceptedAt = e.ts;
        return o;
    }

    static AccountView view(String account, long balance, long version) {
        return new AccountView(account, "USD", balance, 0, balance, version, AccountStatus.ACTIVE);
    }

    static List<RawRecord> records(List<BalanceEvent> events) {
        List<RawRecord> records = new ArrayList<>();
        for (BalanceEvent e : events) {
            records.add(record(e.account, EventJson.encode(e), records.size()));
        }
        return records;
    }

    static RawRecord record(String key, byte[] value, long offset) {
        return new RawRecord(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, Topics.EVENTS, 0, offset);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Records the job must refuse, each with the start of the reason it must give. */
    static List<Poison> poison() {
        BalanceEvent newer = history().get(0);
        newer.v = BalanceEvent.VERSION + 1;
        BalanceEvent answeringBob = history().get(0);
        answeringBob.outcome.account.account = "bob";
        BalanceEvent withoutAccountAfter = history().get(0);
        withoutAccountAfter.accountAfter = null;
        return List.of(
                new Poison("alice", utf8("not json"), "not an event: Unrecognized token 'not'"),
                new Poison("alice", utf8("{\"hello\":\"world\"}"), "event without account, txId, kind, status or entries"),
                new Poison("alice", EventJson.encode(newer), "event version 2 is newer than this job reads (1)"),
                new Poison("bob", EventJson.encode(history().get(0)), "record key is not the event's account"),
                new Poison("alice", EventJson.encode(answeringBob), "outcome of another txId, type, time or account"),
                new Poison("alice", EventJson.encode(withoutAccountAfter),
                        "ledger entries without the account after the last of them"));
    }

    record Poison(String key, byte[] value, String reason) {
    }
}
