package com.hipoc.local;

/** A MySQL-compatible server and the database Hi-PoC uses on it. */
public record MysqlEndpoint(String host, int port, String user, String password, String database) {
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
    }
}
