package com.hipoc.local;

/**
 * The start of an INSERT of read-model rows by hand, values to follow: each names the columns
 * the read-models job writes, so a test's values never land in the table's storage-only id.
 */
public final class ReadModelInserts {
    public static final String LEDGER = "INSERT INTO ledger_entries (account_id, seq, tx_id, kind, amount, held_delta,"
            + " balance_after, held_after, currency, status, overdraft_limit, max_balance, counterparty, created_at) VALUES ";
    public static final String TRANSACTIONS = "INSERT INTO transactions (tx_id, type, status, status_rank, reason, account_id,"
            + " counterparty, amount, currency, account_currency, account_balance, account_held, account_available,"
            + " account_version, account_status, created_at) VALUES ";

    private ReadModelInserts() {
    }
}
