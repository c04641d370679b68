package com.hipoc.local.readmodels;

import com.hipoc.events.AccountHash;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The account hashes of a page of accounts, fetched in one pipelined round trip. */
final class RedisHashes {
    private final Jedis jedis;

    RedisHashes(Jedis jedis) {
        this.jedis = jedis;
    }

    /** One hash per account, in the page's order; empty for an account Redis does not hold. */
    List<Map<String, String>> of(List<AccountRow> page) {
        Pipeline pipeline = jedis.pipelined();
        List<Response<Map<String, String>>> responses = new ArrayList<>(page.size());
        for (AccountRow row : page) {
            responses.add(pipeline.hgetAll(AccountHash.key(row.account())));
        }
        pipeline.sync();
        return responses.stream().map(Response::get).toList();
    }
}
