package com.hipoc.readmodels;

import com.hipoc.events.AccountHash;
import com.hipoc.events.AccountSnapshot;

import java.util.List;

/**
 * The Lua compare-and-set that writes an account hash only when the incoming version is newer
 * than the stored one, so a replayed or late snapshot never moves a balance back. It runs
 * inside Redis, so no other writer can slip between the compare and the set.
 */
final class AccountCasScript {
    static final String SOURCE = String.join("\n",
            "local stored = redis.call('HGET', KEYS[1], '" + AccountHash.VERSION + "')",
            "if stored and tonumber(stored) >= tonumber(ARGV[1]) then return 0 end",
            "redis.call('HSET', KEYS[1], '" + AccountHash.VERSION + "', ARGV[1], '" + AccountHash.CURRENCY + "', ARGV[2],",
            "  '" + AccountHash.BALANCE + "', ARGV[3], '" + AccountHash.HELD + "', ARGV[4],",
            "  '" + AccountHash.OVERDRAFT_LIMIT + "', ARGV[5], '" + AccountHash.STATUS + "', ARGV[6],",
            "  '" + AccountHash.UPDATED_AT + "', ARGV[7])",
            "return 1");

    private AccountCasScript() {
    }

    static List<String> keys(AccountSnapshot a) {
        return List.of(AccountHash.key(a.account));
    }

    /** {@code updatedAt} is epoch milliseconds, like every time the engine writes. */
    static List<String> args(AccountSnapshot a) {
        return List.of(Long.toString(a.version), a.currency, Long.toString(a.balance), Long.toString(a.held),
                Long.toString(a.overdraftLimit), a.status.name(), Long.toString(a.updatedAt));
    }
}
