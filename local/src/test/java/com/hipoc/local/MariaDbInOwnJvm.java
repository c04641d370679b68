package com.hipoc.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Starts MariaDB in the directory given, writes one account, stops it and lets its JVM exit. */
public final class MariaDbInOwnJvm {
    private MariaDbInOwnJvm() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(Path.of(args[0]), 0, Path.of("..", "sql", "migrations"));
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            c.createStatement().execute("INSERT INTO ledger_entries (account_id, seq, tx_id, kind, amount, held_delta, balance_after,"
                    + " created_at) VALUES ('kept', 1, 't', 'deposit', 42, 0, 42, NOW(3))");
        }
    }
}
