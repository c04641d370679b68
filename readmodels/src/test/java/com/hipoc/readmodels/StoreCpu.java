package com.hipoc.readmodels;

import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** CPU time of the MariaDB and Redis server processes, for the measurements: from /proc, in clock ticks. */
final class StoreCpu {
    private static final long TICK_NANOS = 10_000_000;

    private final long mariadbPid;
    private final long redisPid;

    private StoreCpu(long mariadbPid, long redisPid) {
        this.mariadbPid = mariadbPid;
        this.redisPid = redisPid;
    }

    /** Asks each server for its process id. */
    static StoreCpu of(JdbcEndpoint mysql, RedisEndpoint redis) throws Exception {
        long mariadb;
        try (Connection c = mysql.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@pid_file")) {
            rs.next();
            mariadb = Long.parseLong(Files.readString(Path.of(rs.getString(1))).trim());
        }
        try (Jedis jedis = redis.connect()) {
            return new StoreCpu(mariadb, Long.parseLong(jedis.info("server").lines()
                    .filter(l -> l.startsWith("process_id:")).findFirst().orElseThrow()
                    .substring("process_id:".length()).trim()));
        }
    }

    long mariadbNanos() throws Exception {
        return nanos(mariadbPid);
    }

    long redisNanos() throws Exception {
        return nanos(redisPid);
    }

    /** User plus system time of a process. */
    private static long nanos(long pid) throws Exception {
        String[] fields = Files.readString(Path.of("/proc", Long.toString(pid), "stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
    }
}
