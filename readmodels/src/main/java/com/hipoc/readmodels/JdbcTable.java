package com.hipoc.readmodels;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * One read-model table and how a batch of its rows is written, idempotently: every table of the
 * job is loaded in bulk ({@link LoadedTable}).
 */
public abstract class JdbcTable<T> {
    private final String name;
    private final ToLongFunction<T> decidedAt;

    /** @param decidedAt the time of the decision a row comes from, epoch ms */
    protected JdbcTable(String name, ToLongFunction<T> decidedAt) {
        this.name = name;
        this.decidedAt = decidedAt;
    }

    public String name() {
        return name;
    }

    public long decidedAt(T row) {
        return decidedAt.applyAsLong(row);
    }

    /** Writes the rows within the connection's transaction, which the caller commits. */
    public abstract void write(Connection connection, Collection<T> rows) throws SQLException;
}
