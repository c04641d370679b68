package com.hipoc.readmodels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Keeps every row: ledger entries are never merged. */
public class AppendBatch<T> implements RowBatch<T> {
    private final List<T> rows = new ArrayList<>();

    @Override
    public void add(T row) {
        rows.add(row);
    }

    @Override
    public Collection<T> rows() {
        return rows;
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public void clear() {
        rows.clear();
    }
}
