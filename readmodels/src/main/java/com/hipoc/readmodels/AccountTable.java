package com.hipoc.readmodels;

import com.hipoc.events.AccountSnapshot;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code accounts}, overwritten only by a newer version, so a replayed or late snapshot never
 * moves an account back.
 */
public class AccountTable extends UpsertTable<AccountSnapshot> {
    public AccountTable() {
        super("accounts", a -> a.updatedAt);
    }

    @Override
    public String sql() {
        return "INSERT INTO accounts (account_id, currency, balance, held, overdraft_limit, max_balance, status,"
                + " version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + UpsertTable.updateIfNewer("version", "currency", "balance", "held", "overdraft_limit",
                "max_balance", "status", "updated_at");
    }

    @Override
    public void bind(PreparedStatement s, AccountSnapshot a) throws SQLException {
        s.setString(1, a.account);
        s.setString(2, a.currency);
        s.setLong(3, a.balance);
        s.setLong(4, a.held);
        s.setLong(5, a.overdraftLimit);
        s.setObject(6, a.maxBalance);
        s.setString(7, a.status.name());
        s.setLong(8, a.version);
        s.setObject(9, UpsertTable.utc(a.updatedAt));
    }
}
