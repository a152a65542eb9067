-- The paper trading service's account (5005). One account. Money and prices in 1/10,000 dollar units
-- (*_e4) like every price; times in epoch milliseconds; quantities in whole shares.
-- Cash and positions are not stored: they are the ledger replayed (see broker/Portfolio), so they can never
-- disagree with it.

-- Every order ever accepted, with its current state. Rewritten in place as it works (the ledger keeps history).
CREATE TABLE paper_order (
    id                  TEXT    NOT NULL PRIMARY KEY,
    seq                 INTEGER NOT NULL UNIQUE,  -- creation order
    client_order_id     TEXT    NOT NULL UNIQUE CHECK (length(client_order_id) BETWEEN 1 AND 128),
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL,
    submitted_at        BIGINT  NOT NULL,
    filled_at           BIGINT,
    expired_at          BIGINT,
    canceled_at         BIGINT,
    replaced_at         BIGINT,
    replaced_by         TEXT,
    replaces            TEXT,
    symbol              TEXT    NOT NULL,
    notional_e4         BIGINT,
    qty                 BIGINT  NOT NULL CHECK (qty > 0),
    filled_qty          BIGINT  NOT NULL CHECK (filled_qty BETWEEN 0 AND qty),
    filled_notional_e4  BIGINT  NOT NULL,
    order_class         TEXT    NOT NULL CHECK (order_class IN ('simple', 'bracket', 'oco', 'oto')),
    type                TEXT    NOT NULL CHECK (type IN ('market', 'limit', 'stop', 'stop_limit', 'trailing_stop')),
    side                TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
    time_in_force       TEXT    NOT NULL CHECK (time_in_force IN ('day', 'gtc', 'ioc', 'fok', 'opg', 'cls')),
    limit_price_e4      BIGINT,
    stop_price_e4       BIGINT,
    trail_price_e4      BIGINT,
    trail_percent_e4    BIGINT,
    hwm_e4              BIGINT,
    status              TEXT    NOT NULL CHECK (status IN ('new', 'partially_filled', 'filled', 'canceled', 'expired',
                                                           'replaced', 'rejected', 'held')),
    extended_hours      INTEGER NOT NULL CHECK (extended_hours IN (0, 1)),
    parent_id           TEXT,
    leg                 TEXT    NOT NULL CHECK (leg IN ('ENTRY', 'TAKE_PROFIT', 'STOP_LOSS')),
    expires_at          BIGINT,
    triggered           INTEGER NOT NULL CHECK (triggered IN (0, 1)),
    reject_reason       TEXT
) WITHOUT ROWID;
CREATE INDEX paper_order_by_status ON paper_order (status);

-- The immutable ledger: the opening deposit, every fill, every commission. Append-only, enforced below.
CREATE TABLE paper_ledger (
    seq           INTEGER NOT NULL PRIMARY KEY,  -- 1, 2, 3, ... with no gaps
    time          BIGINT  NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('DEPOSIT', 'FILL', 'FEE')),
    order_id      TEXT,
    symbol        TEXT,
    side          TEXT    CHECK (side IN ('buy', 'sell')),
    qty           BIGINT  NOT NULL CHECK (qty >= 0),
    price_e4      BIGINT,
    amount_e4     BIGINT  NOT NULL,  -- signed change of cash
    cum_qty       BIGINT  NOT NULL,
    leaves_qty    BIGINT  NOT NULL,
    order_status  TEXT,
    description   TEXT,
    CHECK (kind <> 'FILL' OR (qty > 0 AND price_e4 > 0 AND order_id IS NOT NULL AND symbol IS NOT NULL))
);
CREATE INDEX paper_ledger_by_time ON paper_ledger (time);
CREATE TRIGGER paper_ledger_no_update BEFORE UPDATE ON paper_ledger
BEGIN
    SELECT RAISE(ABORT, 'paper_ledger is append-only');
END;
CREATE TRIGGER paper_ledger_no_delete BEFORE DELETE ON paper_ledger
BEGIN
    SELECT RAISE(ABORT, 'paper_ledger is append-only');
END;

-- The risk manager's state (one row).
CREATE TABLE paper_risk (
    id                   INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    state                TEXT    NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason               TEXT,
    trading_day          TEXT    NOT NULL,  -- ISO date, New York
    day_start_equity_e4  BIGINT  NOT NULL,
    peak_equity_e4       BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL
);

-- Equity over time, for portfolio history: every market minute and at every fill.
CREATE TABLE paper_equity (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    time       BIGINT  NOT NULL,
    equity_e4  BIGINT  NOT NULL,
    cash_e4    BIGINT  NOT NULL
);
CREATE INDEX paper_equity_by_time ON paper_equity (time);
