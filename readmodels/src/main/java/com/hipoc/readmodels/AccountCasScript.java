package com.hipoc.readmodels;

import com.hipoc.events.AccountHash;
import com.hipoc.events.AccountSnapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Lua compare-and-set that writes each account hash of a batch only when the incoming
 * version is newer than the stored one, so a replayed or late snapshot never moves a balance
 * back. It runs inside Redis, so no other writer can slip between a compare and its set, and
 * once per batch rather than once per account, which costs Redis less per account
 * (docs/read-models.md). The keys of a batch may lie anywhere: this needs one Redis, not a
 * cluster, where a script's keys must share a slot.
 */
final class AccountCasScript {
    private static final int ARGS_PER_ACCOUNT = 7;

    static final String SOURCE = String.join("\n",
            "local written = 0",
            "for i, key in ipairs(KEYS) do",
            "  local a = (i - 1) * " + ARGS_PER_ACCOUNT,
            "  local stored = redis.call('HGET', key, '" + AccountHash.VERSION + "')",
            "  if not stored or tonumber(stored) < tonumber(ARGV[a + 1]) then",
            "    redis.call('HSET', key, '" + AccountHash.VERSION + "', ARGV[a + 1], '" + AccountHash.CURRENCY
                    + "', ARGV[a + 2],",
            "      '" + AccountHash.BALANCE + "', ARGV[a + 3], '" + AccountHash.HELD + "', ARGV[a + 4],",
            "      '" + AccountHash.OVERDRAFT_LIMIT + "', ARGV[a + 5], '" + AccountHash.STATUS + "', ARGV[a + 6],",
            "      '" + AccountHash.UPDATED_AT + "', ARGV[a + 7])",
            "    written = written + 1",
            "  end",
            "end",
            "return written");

    private AccountCasScript() {
    }

    static List<String> keys(Collection<AccountSnapshot> accounts) {
        List<String> keys = new ArrayList<>(accounts.size());
        for (AccountSnapshot a : accounts) {
            keys.add(AccountHash.key(a.account));
        }
        return keys;
    }

    /** Each account's values in the script's order; {@code updatedAt} is epoch ms, like every time the engine writes. */
    static List<String> args(Collection<AccountSnapshot> accounts) {
        List<String> args = new ArrayList<>(accounts.size() * ARGS_PER_ACCOUNT);
        for (AccountSnapshot a : accounts) {
            args.add(Long.toString(a.version));
            args.add(a.currency);
            args.add(Long.toString(a.balance));
            args.add(Long.toString(a.held));
            args.add(Long.toString(a.overdraftLimit));
            args.add(a.status.name());
            args.add(Long.toString(a.updatedAt));
        }
        return args;
    }
}
