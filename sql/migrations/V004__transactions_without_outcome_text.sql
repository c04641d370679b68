-- A transactions row without the outcome as JSON text (docs/read-models.md). The 300 bytes of
-- JSON were most of what MySQL spent on a row; GET /v1/transactions/{txId} answers the same from
-- typed columns: txId, type, status, reason, acceptedAt (created_at) were there already, and the
-- account the outcome answered is now account_currency ... account_status (all NULL when it
-- answered none: an account that did not exist). The account answered is always the row's
-- account_id (a transfer's, its source). updated_at goes too: a transfer's legs carry their
-- transfer's time, so it always equalled created_at.
-- Rows written before are converted from their JSON. Each step runs only while the schema still
-- needs it (MySQL 8 has no ADD/DROP COLUMN IF [NOT] EXISTS), so the file can run again.

SET @step = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE transactions'
    ' ADD COLUMN account_currency  VARCHAR(12) NULL AFTER currency,'
    ' ADD COLUMN account_balance   BIGINT      NULL AFTER account_currency,'
    ' ADD COLUMN account_held      BIGINT      NULL AFTER account_balance,'
    ' ADD COLUMN account_available BIGINT      NULL AFTER account_held,'
    ' ADD COLUMN account_version   BIGINT      NULL AFTER account_available,'
    ' ADD COLUMN account_status    VARCHAR(8)  NULL AFTER account_version', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND column_name = 'account_status');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;

SET @step = (SELECT IF(COUNT(*) > 0, 'UPDATE transactions SET'
    ' account_currency  = JSON_UNQUOTE(JSON_EXTRACT(outcome, ''$.account.currency'')),'
    ' account_balance   = JSON_EXTRACT(outcome, ''$.account.balance''),'
    ' account_held      = JSON_EXTRACT(outcome, ''$.account.held''),'
    ' account_available = JSON_EXTRACT(outcome, ''$.account.available''),'
    ' account_version   = JSON_EXTRACT(outcome, ''$.account.version''),'
    ' account_status    = JSON_UNQUOTE(JSON_EXTRACT(outcome, ''$.account.status''))', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND column_name = 'outcome');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;

SET @step = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE transactions DROP COLUMN outcome', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND column_name = 'outcome');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;

SET @step = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE transactions DROP COLUMN updated_at', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND column_name = 'updated_at');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;
