package io.tradeloom.scanner.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;

/** One of the scanner's three market-data sources (MARKET_DATA): sim, replay or alpaca. */
public interface MarketSource {

    String name();

    /** One-minute bars as the clock reveals them. */
    MarketFeed feed();

    /** Symbol to company name, in the feed's order. */
    Map<String, String> universe();

    /** The latest quote of each symbol at market time {@code now}, where one exists. */
    List<Quote> quotes(Instant now);

    /** News-driven events in (after, upTo]; only the simulated market has them. */
    List<NewsEvent> news(Instant after, Instant upTo);

    /** Daily bars of the sessions that opened in [from, to), for scan metrics that need history. */
    List<Bar> dailyHistory(Instant from, Instant to);
}
