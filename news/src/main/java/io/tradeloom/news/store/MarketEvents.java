package io.tradeloom.news.store;

import static io.tradeloom.db.schema.Tables.MARKET_EVENT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.tradeloom.db.Database;
import io.tradeloom.market.bar.NewsEvent;

/** Reads the simulated market's news jumps, which the scanner stores, in the order they were stored. */
public final class MarketEvents {

    private final Database db;

    public MarketEvents(Database db) {
        this.db = db;
    }

    /** A stored jump and its row id, the sim source's cursor. */
    public record Stored(long id, NewsEvent event) {
    }

    /** Up to {@code limit} events with ids above {@code afterId}, in id order. */
    public List<Stored> after(long afterId, int limit) {
        return db.read("market_events.after", ctx -> ctx.selectFrom(MARKET_EVENT)
                .where(MARKET_EVENT.ID.gt((int) Math.min(afterId, Integer.MAX_VALUE)))
                .orderBy(MARKET_EVENT.ID)
                .limit(limit)
                .fetch(r -> new Stored(r.getId().longValue(), new NewsEvent(r.getSymbol(), Instant.ofEpochMilli(r.getTime()),
                        new BigDecimal(r.getJumpReturn()), r.getKind()))));
    }
}
