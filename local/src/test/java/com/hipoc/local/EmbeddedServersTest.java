package com.hipoc.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTest {
    private static final Path MIGRATIONS = Path.of("..", "sql", "migrations");

    @Test
    void kafkaKeepsTopicsAcrossRestart(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            kafka.createTopic("t1", 3);
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeTopics(java.util.List.of("t1")).allTopicNames().get().get("t1").partitions())
                    .hasSize(3);
        }
    }

    @Test
    void mariaDbAppliesSchemaAndKeepsRowsAcrossRestart(@TempDir Path dir) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, MIGRATIONS);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            c.createStatement().execute("INSERT INTO ledger_entries (account_id, seq, tx_id, kind, amount, held_delta, balance_after,"
                    + " created_at) VALUES ('a', 1, 't', 'deposit', 5, 0, 5, NOW(3))");
        }
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir, 0, MIGRATIONS);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT balance_after FROM ledger_entries WHERE account_id='a'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(5);
        }
    }

    /** The hook that deleted it runs only when the JVM exits, so the first server runs in a JVM of its own. */
    @Test
    void mariaDbUnderTheTempDirectoryKeepsRowsAcrossAJvmExit(@TempDir Path dir) throws Exception {
        String tmpdir = System.getProperty("java.io.tmpdir");
        Path store = Files.createTempDirectory(Path.of(tmpdir), "mariadb-exit");
        Process child = new ProcessBuilder(ChildProcess.javaExecutable(), "-Djava.io.tmpdir=" + tmpdir,
                "-cp", System.getProperty("java.class.path"), MariaDbInOwnJvm.class.getName(), store.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor()).as("child JVM, log in %s", dir.resolve("child.log")).isZero();

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(store, 0, MIGRATIONS);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT balance_after FROM ledger_entries WHERE account_id = 'kept'")) {
            assertThat(rs.next()).as("the row written before the first JVM exited").isTrue();
            assertThat(rs.getLong(1)).isEqualTo(42);
        }
    }

    @Test
    void redisAnswersOnLoopback(@TempDir Path dir) throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0);
             Socket s = new Socket("127.0.0.1", redis.port())) {
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }
}
