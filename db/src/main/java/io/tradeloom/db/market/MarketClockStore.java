package io.tradeloom.db.market;

import static io.tradeloom.db.schema.Tables.MARKET_CLOCK;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;

import io.tradeloom.db.Database;

/** The single market_clock row. */
public final class MarketClockStore {

    private final Database db;
    private final Clock realClock;

    public MarketClockStore(Database db, Clock realClock) {
        this.db = db;
        this.realClock = realClock;
    }

    public Optional<MarketClockState> load() {
        return db.read("market_clock.load", ctx -> ctx.selectFrom(MARKET_CLOCK)
                .fetchOptional(r -> new MarketClockState(r.getSource(), Instant.ofEpochMilli(r.getRealAnchor()),
                        Instant.ofEpochMilli(r.getMarketAnchor()), r.getSpeed(), r.getSkipClosed() == 1,
                        LocalDate.parse(r.getFirstSession()), Instant.ofEpochMilli(r.getIngestedThrough()))));
    }

    public void save(MarketClockState s) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(MARKET_CLOCK.SOURCE, s.source());
        row.put(MARKET_CLOCK.REAL_ANCHOR, s.realAnchor().toEpochMilli());
        row.put(MARKET_CLOCK.MARKET_ANCHOR, s.marketAnchor().toEpochMilli());
        row.put(MARKET_CLOCK.SPEED, s.speed());
        row.put(MARKET_CLOCK.SKIP_CLOSED, s.skipClosed() ? 1 : 0);
        row.put(MARKET_CLOCK.FIRST_SESSION, s.firstSession().toString());
        row.put(MARKET_CLOCK.INGESTED_THROUGH, s.ingestedThrough().toEpochMilli());
        row.put(MARKET_CLOCK.UPDATED_AT, realClock.millis());
        db.write("market_clock.save", ctx -> ctx.insertInto(MARKET_CLOCK)
                .set(MARKET_CLOCK.ID, 1)
                .set(row)
                .onConflict(MARKET_CLOCK.ID)
                .doUpdate()
                .set(row)
                .execute());
    }

    /** Moves the ingest cursor in the caller's transaction, together with the bars it covers. */
    public static void advance(DSLContext ctx, Instant through, long nowMillis) {
        ctx.update(MARKET_CLOCK)
                .set(MARKET_CLOCK.INGESTED_THROUGH, through.toEpochMilli())
                .set(MARKET_CLOCK.UPDATED_AT, nowMillis)
                .where(MARKET_CLOCK.ID.eq(1))
                .execute();
    }
}
