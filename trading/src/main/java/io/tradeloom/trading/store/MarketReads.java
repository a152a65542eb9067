package io.tradeloom.trading.store;

import io.tradeloom.db.Database;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.tradeloom.db.schema.Tables.BAR;
import static io.tradeloom.db.schema.Tables.PAPER_EQUITY;
import static io.tradeloom.db.schema.Tables.QUOTE;
import static io.tradeloom.db.schema.Tables.UNIVERSE_SYMBOL;

/** What the engine reads of the scanner's market data: quotes and 1-minute bars newer than it has seen. */
public final class MarketReads {

    private final Database db;

    public MarketReads(Database db) {
        this.db = db;
    }

    /** Latest quotes stamped after {@code after}, oldest first. */
    public List<Quote> quotesAfter(Instant after) {
        return db.read("paper.quotes", ctx -> ctx.selectFrom(QUOTE)
                .where(QUOTE.TIME.gt(after.toEpochMilli()))
                .orderBy(QUOTE.TIME, QUOTE.SYMBOL)
                .fetch(r -> new Quote(r.getSymbol(), Instant.ofEpochMilli(r.getTime()), PriceUnits.fromE4(r.getBidE4()),
                        PriceUnits.fromE4(r.getAskE4()), r.getBidSize(), r.getAskSize())));
    }

    /** 1-minute bars starting after {@code after}, oldest first, at most {@code limit}. */
    public List<Bar> barsAfter(Instant after, int limit) {
        return db.read("paper.bars", ctx -> ctx.selectFrom(BAR)
                .where(BAR.TIMEFRAME.eq(Timeframe.MIN_1.label()).and(BAR.TIME.gt(after.toEpochMilli())))
                .orderBy(BAR.TIME, BAR.SYMBOL)
                .limit(limit)
                .fetch(r -> new Bar(r.getSymbol(), Instant.ofEpochMilli(r.getTime()), PriceUnits.fromE4(r.getOpenE4()),
                        PriceUnits.fromE4(r.getHighE4()), PriceUnits.fromE4(r.getLowE4()),
                        PriceUnits.fromE4(r.getCloseE4()), r.getVolume())));
    }

    public Optional<Instant> latestBarTime() {
        return db.read("paper.latest_bar", ctx -> Optional.ofNullable(ctx.select(org.jooq.impl.DSL.max(BAR.TIME))
                .from(BAR).where(BAR.TIMEFRAME.eq(Timeframe.MIN_1.label())).fetchOne(0, Long.class))
                .map(Instant::ofEpochMilli));
    }

    /** When the engine last recorded equity: roughly where it stopped reading market data. */
    public Optional<Instant> lastEquityTime() {
        return db.read("paper.last_equity", ctx -> Optional.ofNullable(ctx.select(org.jooq.impl.DSL.max(PAPER_EQUITY.TIME))
                .from(PAPER_EQUITY).fetchOne(0, Long.class)).map(Instant::ofEpochMilli));
    }

    /** The symbols one may trade: the scanner's universe and anything it quotes. */
    public Set<String> symbols() {
        return db.read("paper.symbols", ctx -> {
            Set<String> all = new HashSet<>(ctx.select(UNIVERSE_SYMBOL.SYMBOL).from(UNIVERSE_SYMBOL).fetch(0, String.class));
            all.addAll(ctx.select(QUOTE.SYMBOL).from(QUOTE).fetch(0, String.class));
            return all;
        });
    }
}
