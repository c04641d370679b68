-- Account ids and txIds are case-sensitive (API.md: 1 to 64 of A-Z a-z 0-9 . _ : -), but the
-- servers' default collations are not: 'alice' and 'Alice' were one primary key, so one
-- account's upsert could overwrite the other's row. ascii_bin compares bytes; ids are ASCII by
-- the API's rule, and an ASCII key is a quarter of a utf8mb4 one. Safe to run again.
ALTER TABLE accounts
  MODIFY account_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;

ALTER TABLE ledger_entries
  MODIFY account_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY tx_id        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY counterparty VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;

ALTER TABLE transactions
  MODIFY tx_id        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY account_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY counterparty VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;
