-- Only the indexes that a read uses (docs/read-models.md): every index costs the read-models job
-- a write per row. EXPLAIN of the ingress's reads on MariaDB 11.4: an account by its primary key;
-- a ledger page, the balance at an instant and "any entry" by the (account_id, seq) primary key;
-- a transaction by its tx_id primary key. ledger_by_tx and tx_by_account served no read, and
-- ledger_by_time lost to the primary key for the balance at an instant (newest first, the
-- time filtered on the way). MySQL 8 has no DROP INDEX IF EXISTS: each drop is prepared only
-- while its index is there, so the file can run again (README, "Schema migrations").

SET @drop = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE ledger_entries DROP INDEX ledger_by_tx', 'DO 0')
  FROM information_schema.statistics
  WHERE table_schema = DATABASE() AND table_name = 'ledger_entries' AND index_name = 'ledger_by_tx');
PREPARE drop_index FROM @drop;
EXECUTE drop_index;
DEALLOCATE PREPARE drop_index;

SET @drop = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE ledger_entries DROP INDEX ledger_by_time', 'DO 0')
  FROM information_schema.statistics
  WHERE table_schema = DATABASE() AND table_name = 'ledger_entries' AND index_name = 'ledger_by_time');
PREPARE drop_index FROM @drop;
EXECUTE drop_index;
DEALLOCATE PREPARE drop_index;

SET @drop = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE transactions DROP INDEX tx_by_account', 'DO 0')
  FROM information_schema.statistics
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND index_name = 'tx_by_account');
PREPARE drop_index FROM @drop;
EXECUTE drop_index;
DEALLOCATE PREPARE drop_index;
