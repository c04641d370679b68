package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;
import com.hipoc.events.TransactionRecord;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Keeps only the latest row of each key: where a store keeps only the latest anyway, a key
 * changed a thousand times between two flushes costs one write. A row that is not later than
 * the one held (a replay) never replaces it, as in the store.
 */
public class LatestPerKeyBatch<T> implements RowBatch<T> {
    private final Function<T, String> key;
    private final ToLongFunction<T> order;
    private final Map<String, T> latest = new LinkedHashMap<>();

    public LatestPerKeyBatch(Function<T, String> key, ToLongFunction<T> order) {
        this.key = key;
        this.order = order;
    }

    /** Each account at its newest version. */
    public static LatestPerKeyBatch<AccountSnapshot> accounts() {
        return new LatestPerKeyBatch<>(a -> a.account, a -> a.version);
    }

    /** Each txId at its latest status. */
    public static LatestPerKeyBatch<TransactionRecord> transactions() {
        return new LatestPerKeyBatch<>(t -> t.txId, TransactionTable::rank);
    }

    @Override
    public void add(T row) {
        latest.merge(key.apply(row), row,
                (held, incoming) -> order.applyAsLong(incoming) > order.applyAsLong(held) ? incoming : held);
    }

    @Override
    public Collection<T> rows() {
        return latest.values();
    }

    @Override
    public int size() {
        return latest.size();
    }

    @Override
    public void clear() {
        latest.clear();
    }
}
