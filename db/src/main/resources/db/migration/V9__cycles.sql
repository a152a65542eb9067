-- Trading cycles run by Coordination (5000): each cycle, its steps with timings, and one decision per
-- symbol it looked at, with the inputs, the strategy's reasons and what the broker answered.
-- Times are epoch milliseconds; JSON columns hold snake_case JSON as the API shows it.

CREATE TABLE cycle (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger            TEXT    NOT NULL CHECK (trigger IN ('schedule', 'manual')),
    strategy           TEXT    NOT NULL,  -- the strategy's name, first part of every client_order_id
    status             TEXT    NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at         BIGINT  NOT NULL,
    finished_at        BIGINT,
    market_time        BIGINT,            -- the market clock when the cycle started
    degraded_services  TEXT    NOT NULL DEFAULT '[]',  -- JSON array: non-critical services that gave neutral inputs
    entries_blocked    TEXT,              -- why no new entries were placed (a critical service down, market closed); NULL if allowed
    timings            TEXT    NOT NULL DEFAULT '{}',  -- JSON object: step name -> milliseconds
    candidates         INTEGER,           -- symbols analysed (scan candidates and open positions)
    orders             INTEGER,           -- orders accepted by the broker
    error              TEXT               -- why a FAILED cycle failed
);
CREATE INDEX cycle_by_started ON cycle (started_at);

CREATE TABLE cycle_step (
    cycle_id     INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    name         TEXT    NOT NULL,  -- scan, account, positions, clock, analyse, decide, orders, exits
    service      TEXT,              -- the service called, if any
    status       TEXT    NOT NULL CHECK (status IN ('OK', 'DEGRADED', 'FAILED', 'SKIPPED')),
    started_at   BIGINT  NOT NULL,
    duration_us  BIGINT  NOT NULL,
    detail       TEXT,              -- what happened, e.g. the failure
    PRIMARY KEY (cycle_id, seq)
) WITHOUT ROWID;

CREATE TABLE cycle_decision (
    cycle_id         INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,
    symbol           TEXT    NOT NULL,
    decision         TEXT    NOT NULL CHECK (decision IN ('ENTER_LONG', 'ENTER_SHORT', 'EXIT', 'HOLD')),
    score            TEXT,              -- composite score, decimal text in [-1, 1]; NULL without a technical signal
    inputs           TEXT    NOT NULL,  -- JSON: the signal, patterns, chart bias, sentiment, price, position, and which were missing
    reasons          TEXT    NOT NULL,  -- JSON array of strings
    client_order_id  TEXT,              -- strategy:cycle:symbol:leg, for decisions that sent an order
    order_status     TEXT    CHECK (order_status IN ('SUBMITTED', 'ALREADY_SUBMITTED', 'REJECTED', 'FAILED', 'NOT_SENT')),
    order_result     TEXT,              -- JSON: the broker's order, or its error
    PRIMARY KEY (cycle_id, symbol)
) WITHOUT ROWID;
CREATE UNIQUE INDEX cycle_decision_by_client_order_id ON cycle_decision (client_order_id) WHERE client_order_id IS NOT NULL;

-- Whether scheduled cycles run; one row, so the switch survives restarts.
CREATE TABLE autotrade (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    updated_at  BIGINT  NOT NULL
);
INSERT INTO autotrade (id, enabled, updated_at) VALUES (1, 0, 0);
