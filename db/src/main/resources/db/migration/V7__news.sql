-- News items and their sentiment, owned by the news service.
-- Each item is stored once: by its source's own id, and (when it has one) by the hash of its URL, so the
-- same story from two feeds, or from a feed and Alpaca, is kept once.
CREATE TABLE news_item (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    source           TEXT    NOT NULL CHECK (source IN ('sim', 'rss', 'alpaca')),
    source_id        TEXT    NOT NULL,  -- sim: the market_event id; rss: the entry's URI; alpaca: its news id
    url              TEXT,
    url_hash         TEXT,              -- hex SHA-256 of the normalised URL
    headline         TEXT    NOT NULL,
    summary          TEXT    NOT NULL,
    author           TEXT,
    published_at     BIGINT  NOT NULL,
    fetched_at       BIGINT  NOT NULL,
    sentiment        DOUBLE  NOT NULL CHECK (sentiment BETWEEN -1 AND 1),  -- compound score of headline + summary
    sentiment_label  TEXT    NOT NULL CHECK (sentiment_label IN ('positive', 'neutral', 'negative')),
    matched_terms    TEXT    NOT NULL,  -- JSON array of the lexicon terms that scored
    UNIQUE (source, source_id)
);
CREATE UNIQUE INDEX news_item_by_url ON news_item (url_hash) WHERE url_hash IS NOT NULL;
CREATE INDEX news_item_by_time ON news_item (published_at);

-- Which symbols an item is about (cashtags, tickers, company names, or the source's own tags).
CREATE TABLE news_symbol (
    symbol        TEXT    NOT NULL,
    published_at  BIGINT  NOT NULL,  -- the item's, copied so a symbol's latest news is one index range
    news_id       INTEGER NOT NULL REFERENCES news_item (id) ON DELETE CASCADE,
    PRIMARY KEY (symbol, published_at, news_id)
) WITHOUT ROWID;
CREATE INDEX news_symbol_by_item ON news_symbol (news_id);
