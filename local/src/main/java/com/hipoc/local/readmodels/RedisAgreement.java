package com.hipoc.local.readmodels;

import com.hipoc.events.AccountHash;

import java.util.Map;
import java.util.Objects;

/** The account hash in Redis must say what the account's newest ledger row in MySQL says. */
final class RedisAgreement {
    private RedisAgreement() {
    }

    static void check(AccountRow row, Map<String, String> hash, Mismatches mismatches) {
        if (hash.isEmpty()) {
            mismatches.add(row.account(), "no Redis hash " + AccountHash.key(row.account()));
            return;
        }
        field(row, hash, AccountHash.BALANCE, Long.toString(row.balance()), mismatches);
        field(row, hash, AccountHash.HELD, Long.toString(row.held()), mismatches);
        field(row, hash, AccountHash.VERSION, Long.toString(row.version()), mismatches);
        field(row, hash, AccountHash.STATUS, row.status(), mismatches);
        field(row, hash, AccountHash.CURRENCY, row.currency(), mismatches);
    }

    private static void field(AccountRow row, Map<String, String> hash, String name, String mysql, Mismatches mismatches) {
        String redis = hash.get(name);
        if (!Objects.equals(redis, mysql)) {
            mismatches.add(row.account(), "Redis " + name + " " + redis + " != MySQL " + mysql);
        }
    }
}
