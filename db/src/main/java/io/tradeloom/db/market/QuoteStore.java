package io.tradeloom.db.market;

import static io.tradeloom.db.schema.Tables.QUOTE;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import io.tradeloom.db.Database;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.market.bar.Quote;

/** The latest quote of each symbol. */
public final class QuoteStore {

    private final Database db;

    public QuoteStore(Database db) {
        this.db = db;
    }

    /** Upserts in the caller's transaction; an older quote never replaces a newer one. */
    public static void upsert(DSLContext ctx, Collection<Quote> quotes) {
        for (Quote q : quotes) {
            ctx.insertInto(QUOTE)
                    .set(QUOTE.SYMBOL, q.symbol())
                    .set(QUOTE.TIME, q.time().toEpochMilli())
                    .set(QUOTE.BID_E4, PriceUnits.toE4(q.bid()))
                    .set(QUOTE.ASK_E4, PriceUnits.toE4(q.ask()))
                    .set(QUOTE.BID_SIZE, q.bidSize())
                    .set(QUOTE.ASK_SIZE, q.askSize())
                    .onConflict(QUOTE.SYMBOL)
                    .doUpdate()
                    .set(QUOTE.TIME, DSL.excluded(QUOTE.TIME))
                    .set(QUOTE.BID_E4, DSL.excluded(QUOTE.BID_E4))
                    .set(QUOTE.ASK_E4, DSL.excluded(QUOTE.ASK_E4))
                    .set(QUOTE.BID_SIZE, DSL.excluded(QUOTE.BID_SIZE))
                    .set(QUOTE.ASK_SIZE, DSL.excluded(QUOTE.ASK_SIZE))
                    .where(QUOTE.TIME.le(DSL.excluded(QUOTE.TIME)))
                    .execute();
        }
    }

    public Optional<Quote> latest(String symbol) {
        return db.read("quotes.latest", ctx -> ctx.selectFrom(QUOTE)
                .where(QUOTE.SYMBOL.eq(symbol))
                .fetchOptional(r -> new Quote(r.getSymbol(), Instant.ofEpochMilli(r.getTime()),
                        PriceUnits.fromE4(r.getBidE4()), PriceUnits.fromE4(r.getAskE4()), r.getBidSize(), r.getAskSize())));
    }
}
