package com.hipoc.events;

/** Layout of an account in Redis: a hash per account, written by the job, read by the ingress. */
public final class AccountHash {
    public static final String CURRENCY = "currency";
    public static final String BALANCE = "balance";
    public static final String HELD = "held";
    public static final String OVERDRAFT_LIMIT = "overdraftLimit";
    public static final String STATUS = "status";
    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";

    private AccountHash() {
    }

    public static String key(String account) {
        return "acct:" + account;
    }
}
