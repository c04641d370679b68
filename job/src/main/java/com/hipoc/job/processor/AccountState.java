package com.hipoc.job.processor;

import com.hipoc.events.AccountStatus;
import com.hipoc.events.AccountView;
import com.hipoc.events.AccountSnapshot;

/**
 * One account as the processor keeps it in keyed state, inside its {@link AccountRecord}; the
 * account id is the state key and is not repeated here. A field added here needs a new layout of
 * {@link AccountRecordSerializer}.
 */
public class AccountState {
    public String currency;
    public long balance;
    public long held;
    public long overdraftLimit;
    /** Null when the account has no upper limit of its own. */
    public Long maxBalance;
    public AccountStatus status;
    public long version;

    public AccountState() {
    }

    /** A fresh account at version 0; the command that creates it makes version 1. */
    static AccountState opened(String currency) {
        AccountState a = new AccountState();
        a.currency = currency;
        a.status = AccountStatus.ACTIVE;
        return a;
    }

    long available() {
        return AccountView.available(balance, held, overdraftLimit);
    }

    AccountState copy() {
        AccountState a = new AccountState();
        a.currency = currency;
        a.balance = balance;
        a.held = held;
        a.overdraftLimit = overdraftLimit;
        a.maxBalance = maxBalance;
        a.status = status;
        a.version = version;
        return a;
    }

    AccountView view(String account) {
        return new AccountView(account, currency, balance, held, available(), version, status);
    }

    AccountSnapshot snapshot(String account, long updatedAt) {
        AccountSnapshot s = new AccountSnapshot();
        s.account = account;
        s.currency = currency;
        s.balance = balance;
        s.held = held;
        s.overdraftLimit = overdraftLimit;
        s.maxBalance = maxBalance;
        s.status = status;
        s.version = version;
        s.updatedAt = updatedAt;
        return s;
    }
}
