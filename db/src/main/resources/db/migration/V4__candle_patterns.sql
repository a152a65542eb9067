-- Candlestick patterns the pattern service found in stored bars (GET /api/patterns/{symbol}).
-- One row per bar and TA-Lib pattern that fired; value is TA-Lib's output (+-100, +-200; never 0).
-- Bars are immutable once stored, so a detection is too: re-analysing a window inserts only new rows.

CREATE TABLE candle_pattern (
    symbol      TEXT    NOT NULL,
    timeframe   TEXT    NOT NULL CHECK (timeframe IN ('1Min', '5Min', '15Min', '1Hour', '1Day')),
    time        BIGINT  NOT NULL,  -- start of the bar's interval, as bar.time
    pattern_id  TEXT    NOT NULL,  -- TA-Lib's function name, e.g. CDLENGULFING
    value       INTEGER NOT NULL CHECK (value <> 0),
    PRIMARY KEY (symbol, timeframe, time, pattern_id)
) WITHOUT ROWID;
