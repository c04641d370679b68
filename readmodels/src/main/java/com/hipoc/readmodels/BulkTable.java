package com.hipoc.readmodels;

import java.io.Serializable;

/**
 * One read-model table written by {@code LOAD DATA LOCAL INFILE}: its columns, and how a row
 * is written as a line of the text loaded. A row whose key is there already is skipped, so only
 * insert-once tables can be loaded this way.
 */
public interface BulkTable<T> extends Serializable {
    String name();

    /** The columns each line fills, in the order {@link #write} writes them. */
    String columns();

    void write(TabSeparatedRows rows, T row);

    /** The time of the decision the row comes from, epoch ms. */
    long decidedAt(T row);
}
