-- Hi-PoC read models, written only by the balance-engine job (idempotently) and read by the
-- ingress. MySQL 8 and MariaDB 10.11+ compatible. Times are UTC, DATETIME(3).
-- IF NOT EXISTS because docker-compose's MySQL also runs these files on a new volume, without
-- recording them; Flyway's first run there runs them all again (docs/operations.md).

CREATE TABLE IF NOT EXISTS accounts (
  account_id      VARCHAR(64)  NOT NULL,
  currency        VARCHAR(12)  NOT NULL,
  balance         BIGINT       NOT NULL,
  held            BIGINT       NOT NULL,
  overdraft_limit BIGINT       NOT NULL DEFAULT 0,
  max_balance     BIGINT       NULL,
  status          VARCHAR(8)   NOT NULL,
  version         BIGINT       NOT NULL,
  updated_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (account_id)
);

-- One row per applied change of an account: seq = the account's version after the change.
CREATE TABLE IF NOT EXISTS ledger_entries (
  account_id    VARCHAR(64)  NOT NULL,
  seq           BIGINT       NOT NULL,
  tx_id         VARCHAR(64)  NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  amount        BIGINT       NOT NULL,
  held_delta    BIGINT       NOT NULL,
  balance_after BIGINT       NOT NULL,
  counterparty  VARCHAR(64)  NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (account_id, seq),
  KEY ledger_by_tx (tx_id),
  KEY ledger_by_time (account_id, created_at)
);

-- The latest outcome of each txId. status_rank only grows: PENDING (1) -> final (2).
CREATE TABLE IF NOT EXISTS transactions (
  tx_id        VARCHAR(64)  NOT NULL,
  type         VARCHAR(20)  NOT NULL,
  status       VARCHAR(10)  NOT NULL,
  status_rank  TINYINT      NOT NULL,
  reason       VARCHAR(32)  NULL,
  account_id   VARCHAR(64)  NOT NULL,
  counterparty VARCHAR(64)  NULL,
  amount       BIGINT       NULL,
  currency     VARCHAR(12)  NULL,
  outcome      TEXT         NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (tx_id),
  KEY tx_by_account (account_id, created_at)
);
