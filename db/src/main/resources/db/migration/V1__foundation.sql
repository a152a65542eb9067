-- Foundation schema. Conventions for every later migration:
--   * instants are BIGINT epoch milliseconds (UTC); sortable, exact, no time-zone parsing;
--   * money is TEXT holding a plain decimal string (BigDecimal), never REAL.

-- Each running service records itself here on start and heartbeats while it runs.
CREATE TABLE service_registry (
    name          TEXT    NOT NULL PRIMARY KEY,
    url           TEXT    NOT NULL,
    port          INTEGER NOT NULL,
    version       TEXT    NOT NULL,
    pid           BIGINT  NOT NULL,
    started_at    BIGINT  NOT NULL,
    heartbeat_at  BIGINT  NOT NULL,
    stopped_at    BIGINT
);

-- Audit trail of notable events (errors, restarts, state changes) from every service.
CREATE TABLE system_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at  BIGINT  NOT NULL,
    service      TEXT    NOT NULL,
    level        TEXT    NOT NULL CHECK (level IN ('INFO', 'WARNING', 'ERROR')),
    kind         TEXT    NOT NULL,
    message      TEXT    NOT NULL
);
CREATE INDEX system_event_by_time ON system_event (occurred_at);
CREATE INDEX system_event_by_service ON system_event (service, occurred_at);
