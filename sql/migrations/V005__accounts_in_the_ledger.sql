-- An account is its newest ledger row (docs/read-models.md): every change of an account is a
-- ledger row already (seq = the account's version after it), so each row now also carries the
-- rest of the account after the change, and the accounts table, one guarded upsert per command
-- and the read-models job's largest cost in MySQL, goes. The current state of an account is
-- SELECT ... FROM ledger_entries WHERE account_id = ? ORDER BY seq DESC LIMIT 1.
-- Rows written before are filled in: held_after as the running sum of held_delta (an account
-- opens with nothing held), currency, status and limits from the accounts row (as they stand at
-- the migration, for the account's older rows too). Each step runs only while the schema still
-- needs it (MySQL 8 has no ADD COLUMN IF NOT EXISTS), so the file can run again, also after
-- V001 created an empty accounts table again (docker-compose's MySQL runs every file twice).

SET @step = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE ledger_entries'
    ' ADD COLUMN held_after      BIGINT      NULL AFTER balance_after,'
    ' ADD COLUMN currency        VARCHAR(12) NULL AFTER held_after,'
    ' ADD COLUMN status          VARCHAR(8)  NULL AFTER currency,'
    ' ADD COLUMN overdraft_limit BIGINT      NULL AFTER status,'
    ' ADD COLUMN max_balance     BIGINT      NULL AFTER overdraft_limit', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'ledger_entries' AND column_name = 'held_after');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;

CREATE TEMPORARY TABLE held_after_backfill (
  account_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq        BIGINT NOT NULL,
  held_after BIGINT NOT NULL,
  PRIMARY KEY (account_id, seq)
);
INSERT INTO held_after_backfill
  SELECT account_id, seq, SUM(held_delta) OVER (PARTITION BY account_id ORDER BY seq)
  FROM ledger_entries WHERE held_after IS NULL;
UPDATE ledger_entries l JOIN held_after_backfill h ON h.account_id = l.account_id AND h.seq = l.seq
  SET l.held_after = h.held_after;
DROP TEMPORARY TABLE held_after_backfill;

SET @step = (SELECT IF(COUNT(*) > 0, 'UPDATE ledger_entries l JOIN accounts a ON a.account_id = l.account_id'
    ' SET l.currency = a.currency, l.status = a.status, l.overdraft_limit = a.overdraft_limit,'
    ' l.max_balance = a.max_balance WHERE l.currency IS NULL', 'DO 0')
  FROM information_schema.tables
  WHERE table_schema = DATABASE() AND table_name = 'accounts');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;

DROP TABLE IF EXISTS accounts;
