package com.hipoc.readmodels;

import java.util.Collection;

/** The rows a writer holds until its next flush. */
public interface RowBatch<T> {
    void add(T row);

    /** The rows to write, in the order they should be written. */
    Collection<T> rows();

    int size();

    void clear();
}
