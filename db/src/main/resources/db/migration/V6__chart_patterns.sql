-- Chart patterns the recognition service (5006) found in stored bars, by its background scan or
-- GET /api/chart-patterns/{symbol}. A pattern is identified by where and what it is (symbol, timeframe,
-- type, first bar): as bars arrive a forming pattern may break out, so its row is updated in place.
-- The rules are in docs/chart-patterns.md.

CREATE TABLE chart_pattern (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    symbol       TEXT    NOT NULL,
    timeframe    TEXT    NOT NULL CHECK (timeframe IN ('1Min', '5Min', '15Min', '1Hour', '1Day')),
    type         TEXT    NOT NULL,  -- e.g. double_top, bull_flag (ChartPatternType ids)
    direction    TEXT    NOT NULL CHECK (direction IN ('bullish', 'bearish', 'neutral')),
    status       TEXT    NOT NULL CHECK (status IN ('forming', 'confirmed')),
    start_time   BIGINT  NOT NULL,  -- the first pivot's bar
    end_time     BIGINT  NOT NULL,  -- the breakout bar, or the last pivot's while forming
    level_e4     BIGINT  NOT NULL,  -- the neckline or breakout level
    target_e4    BIGINT,            -- the measured-move target; NULL for an unbroken level or trendline
    confidence   DOUBLE  NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    pivots       TEXT    NOT NULL,  -- JSON array of {"time", "price", "kind"}
    breakout     TEXT,              -- JSON {"time", "price", "level", "direction", "volume_ratio", "volume_confirmed"} or NULL
    detected_at  BIGINT  NOT NULL,  -- when first stored
    updated_at   BIGINT  NOT NULL,  -- when last changed
    UNIQUE (symbol, timeframe, type, start_time)
);
CREATE INDEX chart_pattern_by_end ON chart_pattern (symbol, timeframe, end_time);
