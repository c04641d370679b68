package com.hipoc.bench;

import com.hipoc.events.Command;
import com.hipoc.local.MysqlEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The design Hi-PoC replaces, on the same MariaDB: each command is one transaction with row
 * locks ({@link BaselineTransaction}), run by a pool of {@code connections} threads with one
 * JDBC connection each, as an application server with a connection pool does.
 */
final class MysqlBaselineTarget implements Target {
    /** Deadlock and lock wait timeout: the transaction was rolled back and may simply run again. */
    private static final Set<Integer> RETRYABLE = Set.of(1213, 1205);
    private static final int ATTEMPTS = 5;

    private final String jdbcUrl;
    private final MysqlEndpoint mysql;
    private final int connections;
    private final ExecutorService pool;
    private final Set<Connection> opened = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<BaselineTransaction> transactions = ThreadLocal.withInitial(this::open);

    MysqlBaselineTarget(MysqlEndpoint mysql, int connections) {
        this.mysql = mysql;
        // Client-side prepared statements, cached: the cheapest way this driver runs many small statements.
        this.jdbcUrl = mysql.jdbcUrl() + "&rewriteBatchedStatements=true&cachePrepStmts=true&useServerPrepStmts=false";
        this.connections = connections;
        this.pool = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "baseline-connection");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String describe() {
        return "MySQL baseline: one transaction per command with SELECT ... FOR UPDATE, " + connections + " connections";
    }

    @Override
    public int commandsPerRequest() {
        return 1;
    }

    /** Drops and refills the baseline tables: every account at its opening balance. */
    void prepare(long accounts) throws SQLException {
        try (Connection c = connect()) {
            BaselineTables.recreate(c, accounts);
        }
    }

    Check check(long accounts) throws SQLException {
        try (Connection c = connect()) {
            return BaselineTables.check(c, accounts);
        }
    }

    @Override
    public CompletableFuture<List<String>> send(List<Command> commands) {
        Command command = commands.get(0);
        return CompletableFuture.supplyAsync(() -> List.of(run(command)), pool)
                .exceptionally(e -> List.of(OutcomeKind.error("no-connection")));
    }

    private String run(Command command) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return transactions.get().run(command);
            } catch (SQLException e) {
                last = e;
                if (!RETRYABLE.contains(e.getErrorCode())) {
                    break;
                }
            }
        }
        return OutcomeKind.error("sql-" + last.getErrorCode());
    }

    private BaselineTransaction open() {
        try {
            Connection c = connect();
            opened.add(c);
            return new BaselineTransaction(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + mysql.jdbcUrl(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, mysql.user(), mysql.password());
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing after the run: nothing depends on it any more.
            }
        }
    }
}
