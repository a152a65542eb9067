package io.tradeloom.scanner.source;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.alpaca.AlpacaCredentials;
import io.tradeloom.alpaca.data.AlpacaDataClient;
import io.tradeloom.alpaca.data.AlpacaMarketFeed;
import io.tradeloom.alpaca.data.Feed;
import io.tradeloom.market.MarketFeed;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.market.sim.SimSymbol;
import io.tradeloom.market.sim.SimUniverse;

/** Alpaca Market Data API v2 (MARKET_DATA=alpaca), on real time. */
public final class AlpacaSource implements MarketSource {

    private final AlpacaDataClient client;
    private final AlpacaMarketFeed feed;
    private final Feed dataFeed;
    private final Map<String, String> universe;
    private final NyseCalendar calendar = new NyseCalendar();

    private AlpacaSource(AlpacaDataClient client, Feed dataFeed, Map<String, String> universe) {
        this.client = client;
        this.dataFeed = dataFeed;
        this.universe = universe;
        this.feed = new AlpacaMarketFeed(client, List.copyOf(universe.keySet()), dataFeed);
    }

    public static AlpacaSource create(MarketDataSettings settings, Clock clock) {
        AlpacaDataClient client = new AlpacaDataClient(
                new AlpacaCredentials(settings.alpacaKeyId(), settings.alpacaSecret()),
                AlpacaDataClient.Options.defaults().withBaseUrl(settings.alpacaDataUrl()).withFreePlan(settings.alpacaFreePlan()),
                clock);
        // Company names come from the simulated universe where the symbol is in it; the news service matches on them.
        Map<String, String> known = new LinkedHashMap<>();
        for (SimSymbol s : SimUniverse.defaults()) {
            known.put(s.symbol(), s.name());
        }
        List<String> symbols = settings.alpacaSymbols().isEmpty() ? List.copyOf(known.keySet()) : settings.alpacaSymbols();
        Map<String, String> universe = new LinkedHashMap<>();
        symbols.forEach(s -> universe.put(s, known.getOrDefault(s, s)));
        return new AlpacaSource(client, Feed.parse(settings.alpacaFeed()), universe);
    }

    @Override
    public String name() {
        return "alpaca";
    }

    @Override
    public MarketFeed feed() {
        return feed;
    }

    @Override
    public Map<String, String> universe() {
        return Map.copyOf(universe);
    }

    @Override
    public List<Quote> quotes(Instant now) {
        return new ArrayList<>(feed.latestQuotes().values());
    }

    @Override
    public List<NewsEvent> news(Instant after, Instant upTo) {
        return List.of();
    }

    /**
     * Alpaca stamps a daily bar at midnight New York, the rest of the system (roll-ups, sim, replay, scans) at its
     * session's open: asked from the first day's midnight, the sessions whose open is in [from, to) are kept and
     * restamped, so the start day's bar (in progress, and stamped before its own open) is not taken as history and
     * a session never gets two daily bars.
     */
    @Override
    public List<Bar> dailyHistory(Instant from, Instant to) {
        Instant midnight = NyseCalendar.dateOf(from).atStartOfDay(NyseCalendar.ZONE).toInstant();
        List<Bar> daily = new ArrayList<>();
        client.bars(List.copyOf(universe.keySet()), Timeframe.DAY_1, midnight, to, dataFeed).values()
                .forEach(bars -> bars.forEach(b -> calendar.session(NyseCalendar.dateOf(b.time())).map(Session::open)
                        .filter(open -> !open.isBefore(from) && open.isBefore(to))
                        .ifPresent(open -> daily.add(new Bar(b.symbol(), open, b.open(), b.high(), b.low(), b.close(),
                                b.volume())))));
        return daily;
    }
}
