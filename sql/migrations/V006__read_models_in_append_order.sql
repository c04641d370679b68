-- The read models stored in the order they are written (docs/read-models.md). Keyed by
-- (account_id, seq) and by tx_id, every new row landed on a random page of its table: pages were
-- left half full, and once the tables outgrew the buffer pool (about 2 M commands in 1 GB) nearly
-- every row cost a page read and a page write, and MariaDB's CPU per command doubled. Now each
-- table appends its rows in the order of an AUTO_INCREMENT id, which no read and no answer uses,
-- and the old key is a unique secondary index, a fraction of the row's size: every read finds its
-- rows through it, a replayed ledger entry is still skipped as a duplicate and a transaction's
-- status still only moves forward. Rows already there are numbered in their old key's order.
-- Each step runs only while its table has no id (MySQL 8 has no ADD COLUMN IF NOT EXISTS), so the
-- file can run again. It rebuilds both tables: on large ones it takes minutes, before any job
-- starts writing (docs/operations.md).

SET @step = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE ledger_entries'
    ' DROP PRIMARY KEY,'
    ' ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT FIRST,'
    ' ADD PRIMARY KEY (id),'
    ' ADD UNIQUE KEY ledger_by_account (account_id, seq)', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'ledger_entries' AND column_name = 'id');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;

SET @step = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE transactions'
    ' DROP PRIMARY KEY,'
    ' ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT FIRST,'
    ' ADD PRIMARY KEY (id),'
    ' ADD UNIQUE KEY transaction_by_tx (tx_id)', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND column_name = 'id');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;
