package com.hipoc.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/** An account right after a change: a row of {@code accounts} and a Redis hash, both version-guarded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccountSnapshot {
    public String account;
    public String currency;
    public long balance;
    public long held;
    public long overdraftLimit;
    /** Null when the account has no upper limit. */
    public Long maxBalance;
    public AccountStatus status;
    public long version;
    /** The ts of the command that made this version, epoch ms. */
    public long updatedAt;

    public AccountSnapshot() {
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccountSnapshot)) {
            return false;
        }
        AccountSnapshot a = (AccountSnapshot) o;
        return balance == a.balance && held == a.held && overdraftLimit == a.overdraftLimit && version == a.version
                && updatedAt == a.updatedAt && Objects.equals(account, a.account)
                && Objects.equals(currency, a.currency) && Objects.equals(maxBalance, a.maxBalance)
                && status == a.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, version);
    }

    @Override
    public String toString() {
        return "AccountSnapshot(" + account + " v" + version + " " + balance + "/" + held + " " + status + ")";
    }
}
