package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/** The account as API.md shows it, right after a decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccountView {
    public String account;
    public String currency;
    public long balance;
    public long held;
    public long available;
    public long version;
    public AccountStatus status;

    public AccountView() {
    }

    /** API.md's rule: what may still be debited or held. The engine decides by it; reads show it. */
    public static long available(long balance, long held, long overdraftLimit) {
        return balance - held + overdraftLimit;
    }

    public AccountView(String account, String currency, long balance, long held, long available,
                       long version, AccountStatus status) {
        this.account = account;
        this.currency = currency;
        this.balance = balance;
        this.held = held;
        this.available = available;
        this.version = version;
        this.status = status;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccountView)) {
            return false;
        }
        AccountView v = (AccountView) o;
        return balance == v.balance && held == v.held && available == v.available && version == v.version
                && Objects.equals(account, v.account) && Objects.equals(currency, v.currency) && status == v.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, version);
    }
}
