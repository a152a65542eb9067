package io.tradeloom.db.market;

import static io.tradeloom.db.schema.Tables.MARKET_EVENT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;

import io.tradeloom.db.Database;
import io.tradeloom.market.bar.NewsEvent;

/** News-driven jumps of the simulated market, stored once each. */
public final class MarketEventStore {

    private final Database db;

    public MarketEventStore(Database db) {
        this.db = db;
    }

    public static int insert(DSLContext ctx, Collection<NewsEvent> events) {
        int added = 0;
        for (NewsEvent e : events) {
            added += ctx.insertInto(MARKET_EVENT)
                    .set(MARKET_EVENT.SYMBOL, e.symbol())
                    .set(MARKET_EVENT.TIME, e.time().toEpochMilli())
                    .set(MARKET_EVENT.KIND, e.kind())
                    .set(MARKET_EVENT.JUMP_RETURN, e.jumpReturn().toPlainString())
                    .onConflictDoNothing()
                    .execute();
        }
        return added;
    }

    /** Events with time in (after, upTo], oldest first. */
    public List<NewsEvent> between(Instant after, Instant upTo) {
        return db.read("market_events.between", ctx -> ctx.selectFrom(MARKET_EVENT)
                .where(MARKET_EVENT.TIME.gt(after.toEpochMilli()), MARKET_EVENT.TIME.le(upTo.toEpochMilli()))
                .orderBy(MARKET_EVENT.TIME, MARKET_EVENT.ID)
                .fetch(r -> new NewsEvent(r.getSymbol(), Instant.ofEpochMilli(r.getTime()),
                        new BigDecimal(r.getJumpReturn()), r.getKind())));
    }
}
