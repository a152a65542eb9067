-- Trading signals computed by Technical Analysis (5003), one row per evaluation, kept as history.
-- The rule set and its weights are described in technical/README.md.

CREATE TABLE signal (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    symbol             TEXT    NOT NULL,
    timeframe          TEXT    NOT NULL CHECK (timeframe IN ('1Min', '5Min', '15Min', '1Hour', '1Day')),
    time               BIGINT  NOT NULL,  -- start of the last bar the signal was computed on
    action             TEXT    NOT NULL CHECK (action IN ('BUY', 'SELL', 'HOLD')),
    score              TEXT    NOT NULL,  -- decimal text in [-1, 1], e.g. 0.4500
    close_e4           BIGINT  NOT NULL CHECK (close_e4 > 0),
    atr_e4             BIGINT,            -- ATR at that bar; NULL while the ATR is not defined yet
    suggested_stop_e4  BIGINT,            -- NULL for HOLD or when no ATR is defined
    reasons            TEXT    NOT NULL,  -- JSON array of {"rule", "contribution", "detail"}
    created_at         BIGINT  NOT NULL
);
CREATE INDEX signal_by_symbol ON signal (symbol, timeframe, time);
