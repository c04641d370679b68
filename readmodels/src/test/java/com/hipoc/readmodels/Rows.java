package com.hipoc.readmodels;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.CommandType;
import com.hipoc.events.Outcome;
import com.hipoc.events.OutcomeStatus;
import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.LedgerEntry;
import com.hipoc.events.TransactionRecord;
import org.apache.flink.metrics.SimpleCounter;

/** Read-model rows as the processor would emit them. */
final class Rows {
    static final long TS = 1_790_000_000_000L;

    private Rows() {
    }

    static SinkMetrics metrics() {
        return new SinkMetrics(new SimpleCounter(), new SimpleCounter(), new WriteLag(System::currentTimeMillis));
    }

    static AccountSnapshot account(String account, long version, long balance) {
        AccountSnapshot a = new AccountSnapshot();
        a.account = account;
        a.currency = "USD";
        a.balance = balance;
        a.held = version;
        a.overdraftLimit = 0;
        a.status = AccountStatus.ACTIVE;
        a.version = version;
        a.updatedAt = TS + version;
        return a;
    }

    static LedgerEntry entry(String account, long seq, long amount) {
        LedgerEntry e = new LedgerEntry();
        e.accountId = account;
        e.seq = seq;
        e.txId = account + "-tx-" + seq;
        e.kind = "deposit";
        e.amount = amount;
        e.balanceAfter = amount * seq;
        e.createdAt = TS + seq;
        return e;
    }

    /** An entry with the account after it: balance {@code amount * seq}, held {@code seq}. */
    static Posting posting(String account, long seq, long amount) {
        AccountSnapshot after = account(account, seq, amount * seq);
        return new Posting(entry(account, seq, amount), after.held, after);
    }

    /** Its outcome answers the source as debited by 10, or refunded when FAILED. */
    static TransactionRecord transfer(String txId, OutcomeStatus status, long decidedAt) {
        boolean refunded = status == OutcomeStatus.FAILED;
        Outcome o = new Outcome();
        o.txId = txId;
        o.type = CommandType.TRANSFER;
        o.status = status;
        o.account = new AccountView("src", "USD", refunded ? 100 : 90, 0, refunded ? 100 : 90, refunded ? 3 : 2,
                AccountStatus.ACTIVE);
        o.acceptedAt = TS;
        TransactionRecord t = new TransactionRecord();
        t.txId = txId;
        t.type = "transfer";
        t.account = "src";
        t.counterparty = "dst";
        t.amount = 10L;
        t.currency = "USD";
        t.outcome = o;
        t.decidedAt = decidedAt;
        return t;
    }
}
