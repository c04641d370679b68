package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * Writes account hashes to Redis through {@link AccountCasScript}, one call per batch,
 * keeping only the newest snapshot of each account between flushes. The script is loaded once
 * per connection and called by its SHA; a Redis that lost it (restart, SCRIPT FLUSH) answers
 * NOSCRIPT, and the batch is sent again after loading it anew.
 */
public class RedisAccountWriter extends BatchingWriter<AccountSnapshot> {
    private static final Logger LOG = LoggerFactory.getLogger(RedisAccountWriter.class);

    private final RedisEndpoint endpoint;
    private Jedis jedis;
    private String scriptSha;

    public RedisAccountWriter(RedisEndpoint endpoint, int batchSize, SinkMetrics metrics) {
        super(LatestPerKeyBatch.accounts(), a -> a.updatedAt, batchSize, metrics,
                new Retrier("Redis", RedisAccountWriter::isRetryable, metrics));
        this.endpoint = endpoint;
    }

    /** Connection losses, and a Redis still loading its data after a restart. */
    private static boolean isRetryable(Exception e) {
        return e instanceof JedisConnectionException
                || e instanceof JedisDataException && e.getMessage() != null && e.getMessage().startsWith("LOADING");
    }

    @Override
    protected void writeBatch(Collection<AccountSnapshot> rows) {
        if (jedis == null) {
            jedis = endpoint.connect();
            scriptSha = jedis.scriptLoad(AccountCasScript.SOURCE);
        }
        List<String> keys = AccountCasScript.keys(rows);
        List<String> args = AccountCasScript.args(rows);
        try {
            jedis.evalsha(scriptSha, keys, args);
        } catch (JedisNoScriptException e) {
            scriptSha = jedis.scriptLoad(AccountCasScript.SOURCE);
            jedis.evalsha(scriptSha, keys, args);
        }
    }

    @Override
    protected void disconnect() {
        if (jedis == null) {
            return;
        }
        try {
            jedis.close();
        } catch (JedisException e) {
            LOG.debug("Closing a failed connection to Redis failed too", e);
        }
        jedis = null;
    }
}
