-- Backtests run by Coordination (5000) on the same decision, risk and fill code as live trading;
-- Reporting (5009) reads these tables to report on a backtest exactly as on the live paper account.
-- Times are epoch milliseconds like bar.time; money in 1/10,000 dollar units like every price.

CREATE TABLE backtest (
    id                TEXT    NOT NULL PRIMARY KEY,  -- 'bt-' followed by 12 hex digits
    created_at        BIGINT  NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    request           TEXT    NOT NULL,  -- the request JSON as accepted
    strategy          TEXT    NOT NULL,
    starting_cash_e4  BIGINT  NOT NULL CHECK (starting_cash_e4 > 0),
    final_equity_e4   BIGINT,
    bars              BIGINT,            -- bars processed
    elapsed_ms        BIGINT,
    error             TEXT               -- why a FAILED backtest failed
) WITHOUT ROWID;
CREATE INDEX backtest_by_created ON backtest (created_at);

-- Every simulated fill, in order. client_order_id follows the live format strategy:cycle:symbol:leg.
CREATE TABLE backtest_fill (
    backtest_id      TEXT    NOT NULL REFERENCES backtest (id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    time             BIGINT  NOT NULL,
    symbol           TEXT    NOT NULL,
    side             TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
    qty              BIGINT  NOT NULL CHECK (qty > 0),  -- whole shares
    price_e4         BIGINT  NOT NULL CHECK (price_e4 > 0),
    commission_e4    BIGINT  NOT NULL CHECK (commission_e4 >= 0),
    client_order_id  TEXT    NOT NULL,
    PRIMARY KEY (backtest_id, seq)
) WITHOUT ROWID;

-- Equity marked to market at the end of each bar the backtest processed.
CREATE TABLE backtest_equity (
    backtest_id  TEXT    NOT NULL REFERENCES backtest (id) ON DELETE CASCADE,
    time         BIGINT  NOT NULL,
    equity_e4    BIGINT  NOT NULL,
    cash_e4      BIGINT  NOT NULL,
    PRIMARY KEY (backtest_id, time)
) WITHOUT ROWID;
