package io.tradeloom.trading;

import io.tradeloom.db.market.MarketClockState;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.db.market.QuoteStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.platform.ServiceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.tradeloom.db.schema.Tables.PAPER_LEDGER;
import static io.tradeloom.db.schema.Tables.PAPER_ORDER;

/** What the scanner would have written: a universe, a market clock running from a Monday morning, quotes, bars. */
final class Market {

    /** Monday 3 March 2025, 10:00 New York. */
    static final Instant START = Instant.parse("2025-03-03T15:00:00Z");

    private Market() {
    }

    static void open(ServiceContext context) {
        new UniverseStore(context.db()).replace(Map.of("AAPL", "Apple", "MSFT", "Microsoft", "TSLA", "Tesla"));
        new MarketClockStore(context.db(), Clock.systemUTC()).save(new MarketClockState("sim", Instant.now(), START,
                1.0, false, LocalDate.parse("2025-03-03"), START));
    }

    /** A quote stamped now on the market clock plus {@code seconds}. */
    static void quote(ServiceContext context, TradingApp app, String symbol, String bid, String ask, int seconds) {
        Quote q = new Quote(symbol, app.clock().now().plusSeconds(seconds), new BigDecimal(bid), new BigDecimal(ask),
                100, 100);
        context.db().write("test.quote", ctx -> {
            QuoteStore.upsert(ctx, List.of(q));
            return null;
        });
    }

    static void bar(ServiceContext context, Bar bar) {
        context.db().write("test.bar", ctx -> BarStore.insert(ctx, Timeframe.MIN_1, List.of(bar)));
    }

    static int orders(ServiceContext context) {
        return context.db().read("test.count", ctx -> ctx.fetchCount(PAPER_ORDER));
    }

    static int ledger(ServiceContext context) {
        return context.db().read("test.count", ctx -> ctx.fetchCount(PAPER_LEDGER));
    }
}
