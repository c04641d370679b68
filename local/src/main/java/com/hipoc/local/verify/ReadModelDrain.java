package com.hipoc.local.verify;

import redis.clients.jedis.Jedis;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until the read models stop changing. The sinks flush at each checkpoint, so right
 * after a run the tables trail the engine by a checkpoint or two, and a check then would report
 * what is merely in flight. "Changing" is read from the servers' own write counters (InnoDB row
 * writes, Redis's changes since the last save), which cost nothing to read however large the
 * tables are.
 */
final class ReadModelDrain {
    /** Three checkpoints at the default interval: a sink with data to flush writes within it. */
    static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String MYSQL_WRITES = "SHOW GLOBAL STATUS WHERE Variable_name IN"
            + " ('Innodb_rows_inserted', 'Innodb_rows_updated', 'Innodb_rows_deleted')";

    private ReadModelDrain() {
    }

    /** Returns whether the stores were quiet for {@link #QUIET} within {@code max}. */
    static boolean await(ReadModelStores stores, Duration max, PrintStream out) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        try (Connection c = stores.mysql().connect(); Jedis jedis = stores.redis().connect()) {
            String last = writes(c, jedis);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < QUIET.toNanos()) {
                if (System.nanoTime() > deadline) {
                    out.println("verify: the read models were still changing after " + max.toMillis() + " ms; checking anyway");
                    return false;
                }
                Thread.sleep(POLL.toMillis());
                String now = writes(c, jedis);
                if (!now.equals(last)) {
                    last = now;
                    quietSince = System.nanoTime();
                }
            }
            return true;
        }
    }

    private static String writes(Connection c, Jedis jedis) throws SQLException {
        StringBuilder counters = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(MYSQL_WRITES)) {
            while (rs.next()) {
                counters.append(rs.getString(2)).append('/');
            }
        }
        return counters.append(redisChanges(jedis)).toString();
    }

    private static String redisChanges(Jedis jedis) {
        return jedis.info("persistence").lines()
                .filter(line -> line.startsWith("rdb_changes_since_last_save:"))
                .findFirst().orElse("");
    }
}
