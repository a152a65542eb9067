-- Market data owned by the scanner, read by every service.
-- Prices are BIGINT in units of 1/10,000 dollar (the finest tick Alpaca quotes): exact, compact and
-- fast to compare, unlike decimal text; converted to BigDecimal with scale 4 at the edges.

CREATE TABLE bar (
    symbol     TEXT    NOT NULL,
    timeframe  TEXT    NOT NULL CHECK (timeframe IN ('1Min', '5Min', '15Min', '1Hour', '1Day')),
    time       BIGINT  NOT NULL,  -- start of the bar's interval
    open_e4    BIGINT  NOT NULL CHECK (open_e4 > 0),
    high_e4    BIGINT  NOT NULL,
    low_e4     BIGINT  NOT NULL CHECK (low_e4 > 0),
    close_e4   BIGINT  NOT NULL CHECK (close_e4 > 0),
    volume     BIGINT  NOT NULL CHECK (volume >= 0),
    PRIMARY KEY (symbol, timeframe, time),
    CHECK (high_e4 >= low_e4 AND open_e4 BETWEEN low_e4 AND high_e4 AND close_e4 BETWEEN low_e4 AND high_e4)
) WITHOUT ROWID;

-- The latest quote of each symbol.
CREATE TABLE quote (
    symbol    TEXT    NOT NULL PRIMARY KEY,
    time      BIGINT  NOT NULL,
    bid_e4    BIGINT  NOT NULL CHECK (bid_e4 > 0),
    ask_e4    BIGINT  NOT NULL,
    bid_size  BIGINT  NOT NULL,
    ask_size  BIGINT  NOT NULL,
    CHECK (ask_e4 > bid_e4)
) WITHOUT ROWID;

-- The symbols the scanner serves, with the company names the news service matches headlines to.
CREATE TABLE universe_symbol (
    symbol  TEXT NOT NULL PRIMARY KEY,
    name    TEXT NOT NULL
) WITHOUT ROWID;

-- News-driven jumps of the simulated market, for the news service to describe.
CREATE TABLE market_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    symbol       TEXT    NOT NULL,
    time         BIGINT  NOT NULL,
    kind         TEXT    NOT NULL,
    jump_return  TEXT    NOT NULL,  -- a simple return as decimal text, e.g. -0.0412
    UNIQUE (symbol, time, kind)
);
CREATE INDEX market_event_by_time ON market_event (time);

-- One row: the market's clock, so every service reads the same (possibly simulated) time.
-- market time = market_anchor + (real now - real_anchor) * speed, skipping closed hours if asked.
CREATE TABLE market_clock (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    source            TEXT    NOT NULL CHECK (source IN ('sim', 'replay', 'alpaca')),
    real_anchor       BIGINT  NOT NULL,
    market_anchor     BIGINT  NOT NULL,
    speed             REAL    NOT NULL CHECK (speed > 0),
    skip_closed       INTEGER NOT NULL CHECK (skip_closed IN (0, 1)),
    first_session     TEXT    NOT NULL,  -- ISO date the simulated price paths start from
    ingested_through  BIGINT  NOT NULL,  -- market time up to which completed bars are stored
    updated_at        BIGINT  NOT NULL
);

-- Every scan, with the criteria it ran and the candidates it ranked.
CREATE TABLE scan (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at     BIGINT  NOT NULL,
    market_time    BIGINT  NOT NULL,
    preset         TEXT,
    criteria       TEXT    NOT NULL,  -- JSON
    universe_size  INTEGER NOT NULL,
    matched        INTEGER NOT NULL,
    took_micros    BIGINT  NOT NULL
);
CREATE INDEX scan_by_time ON scan (created_at);

CREATE TABLE scan_candidate (
    scan_id       INTEGER NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
    rank          INTEGER NOT NULL,
    symbol        TEXT    NOT NULL,
    metrics       TEXT    NOT NULL,  -- JSON
    qualified_by  TEXT    NOT NULL,  -- JSON array of strings
    PRIMARY KEY (scan_id, rank)
) WITHOUT ROWID;
