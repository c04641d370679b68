-- A transfer's final status as a row of its own (docs/read-models.md). A transfer is answered
-- PENDING by its source and COMPLETED or FAILED by its destination, usually in another flush of
-- the read models, and that final status was an upsert over the PENDING row, the dearest row
-- the read models wrote (docs/read-models.md has the figures). Now every status is
-- loaded in bulk like any other row, keyed by (tx_id, status_rank), and a read takes a txId's
-- row of the highest rank: a status still only moves forward, and a replayed one is skipped as a
-- duplicate. Rows already there are one per txId and keep answering as they did.
-- Runs only while the table still has its single-column key, so the file can run again.

SET @step = (SELECT IF(COUNT(*) > 0, 'ALTER TABLE transactions'
    ' DROP INDEX transaction_by_tx,'
    ' ADD UNIQUE KEY transaction_by_status (tx_id, status_rank)', 'DO 0')
  FROM information_schema.statistics
  WHERE table_schema = DATABASE() AND table_name = 'transactions' AND index_name = 'transaction_by_tx');
PREPARE step FROM @step;
EXECUTE step;
DEALLOCATE PREPARE step;
