package com.hipoc.readmodels;

import com.hipoc.config.HipocConfig;
import com.mysql.cj.jdbc.NonRegisteringDriver;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Where the read-model database is, and how to open a connection to it. */
public record JdbcEndpoint(String url, String user, String password) implements Serializable {
    /** Bounded, so that a store that stops answering is a failed attempt, retried, not a hang. */
    private static final String CONNECT_TIMEOUT_MS = "5000";
    private static final String SOCKET_TIMEOUT_MS = "60000";

    public static JdbcEndpoint of(HipocConfig config) {
        return new JdbcEndpoint(config.mysql().jdbcUrl(), config.mysql().user(), config.mysql().password());
    }

    /**
     * Asks Connector/J's driver directly, in its kind that does not register itself with
     * {@code DriverManager}: DriverManager only sees drivers of its own class loader, which is not
     * the job's in a Flink cluster, and a driver registered with it would keep the job's classes
     * loaded after the job ends ({@link MysqlSink}). The connection may send
     * {@code LOAD DATA LOCAL} data; the setting also lets the server ask for any file the client
     * can read, so point this endpoint only at a database you run. The writers offer streams from
     * memory, never files.
     */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("allowLoadLocalInfile", "true");
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", CONNECT_TIMEOUT_MS);
        props.setProperty("socketTimeout", SOCKET_TIMEOUT_MS);
        Connection connection = new NonRegisteringDriver().connect(url, props);
        if (connection == null) {
            throw new SQLException("not a MySQL URL: " + url);
        }
        return connection;
    }
}
