package com.hipoc.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the parts of a running local stack are. Stored in {@code <data-dir>/endpoints.properties}
 * so later commands (verify, bench) find the stack, and a restart reuses the same ports. The
 * MySQL password is not stored: an embedded server has none, an external one is given by
 * MYSQL_PASSWORD again.
 */
public record Endpoints(BackingServices services, String ingressUrl, String flinkUrl) {
    public static final String FILE = "endpoints.properties";

    public static Optional<Endpoints> load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MysqlEndpoint mysql = new MysqlEndpoint(p.getProperty("mysql.host"), Integer.parseInt(p.getProperty("mysql.port")),
                p.getProperty("mysql.user"), "", p.getProperty("mysql.database"));
        RedisAddress redis = new RedisAddress(p.getProperty("redis.host"), Integer.parseInt(p.getProperty("redis.port")));
        return Optional.of(new Endpoints(new BackingServices(p.getProperty("kafka.brokers"), mysql, redis),
                p.getProperty("ingress.url"), p.getProperty("flink.url")));
    }

    public void store(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("kafka.brokers", services.kafkaBrokers());
        p.setProperty("mysql.host", services.mysql().host());
        p.setProperty("mysql.port", Integer.toString(services.mysql().port()));
        p.setProperty("mysql.user", services.mysql().user());
        p.setProperty("mysql.database", services.mysql().database());
        p.setProperty("mysql.jdbc.url", services.mysql().jdbcUrl());
        p.setProperty("redis.host", services.redis().host());
        p.setProperty("redis.port", Integer.toString(services.redis().port()));
        p.setProperty("ingress.url", ingressUrl);
        p.setProperty("flink.url", flinkUrl);
        try (Writer w = Files.newBufferedWriter(dataDir.resolve(FILE))) {
            p.store(w, "hipoc local: where the running stack's parts are");
        }
    }
}
