package com.hipoc.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A MySQL-compatible server and the database Hi-PoC uses on it. */
public record MysqlEndpoint(String host, int port, String user, String password, String database) {
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }
}
