package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps only the newest version of each account: the stores keep only the newest anyway, so a
 * hot account changed a thousand times between two flushes costs one write.
 */
public class NewestAccountBatch implements RowBatch<AccountSnapshot> {
    private final Map<String, AccountSnapshot> newest = new LinkedHashMap<>();

    @Override
    public void add(AccountSnapshot snapshot) {
        newest.merge(snapshot.account, snapshot, (held, incoming) -> incoming.version > held.version ? incoming : held);
    }

    @Override
    public Collection<AccountSnapshot> rows() {
        return newest.values();
    }

    @Override
    public int size() {
        return newest.size();
    }

    @Override
    public void clear() {
        newest.clear();
    }
}
