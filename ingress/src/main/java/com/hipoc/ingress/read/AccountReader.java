package com.hipoc.ingress.read;

import com.hipoc.events.AccountHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The current state of an account: Redis first (the fast copy), MySQL when Redis has no such
 * hash yet, holds a malformed one, or is down. Both are written by the engine only when newer.
 */
final class AccountReader {
    private static final Logger LOG = LoggerFactory.getLogger(AccountReader.class);
    /** An account is its newest ledger row (docs/read-models.md). */
    private static final String SQL = "SELECT currency, balance_after, held_after, overdraft_limit, status, seq, created_at"
            + " FROM ledger_entries WHERE account_id = ? ORDER BY seq DESC LIMIT 1";

    private final UnifiedJedis redis;
    private final DataSource db;

    AccountReader(UnifiedJedis redis, DataSource db) {
        this.redis = redis;
        this.db = db;
    }

    Optional<StoredAccount> find(String account) throws SQLException {
        Optional<StoredAccount> cached = fromRedis(account);
        return cached.isPresent() ? cached : fromMySql(account);
    }

    private Optional<StoredAccount> fromRedis(String account) {
        try {
            Map<String, String> h = redis.hgetAll(AccountHash.key(account));
            if (h.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StoredAccount(account, h.get(AccountHash.CURRENCY),
                    Long.parseLong(h.get(AccountHash.BALANCE)), Long.parseLong(h.get(AccountHash.HELD)),
                    Long.parseLong(h.getOrDefault(AccountHash.OVERDRAFT_LIMIT, "0")), h.get(AccountHash.STATUS),
                    Long.parseLong(h.get(AccountHash.VERSION)), Long.parseLong(h.get(AccountHash.UPDATED_AT))));
        } catch (JedisException | NumberFormatException e) {
            LOG.debug("reading {} from MySQL: Redis gave no usable hash ({})", account, e.toString());
            return Optional.empty();
        }
    }

    private Optional<StoredAccount> fromMySql(String account) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, account);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredAccount(account, r.getString(1), r.getLong(2), r.getLong(3),
                        r.getLong(4), r.getString(5), r.getLong(6),
                        r.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli()));
            }
        }
    }
}
