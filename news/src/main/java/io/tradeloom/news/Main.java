package io.tradeloom.news;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.helidon.webserver.http.HttpRouting;

import io.tradeloom.alpaca.AlpacaCredentials;
import io.tradeloom.alpaca.AlpacaHttp;
import io.tradeloom.alpaca.RetryPolicy;
import io.tradeloom.db.Database;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.news.http.NewsService;
import io.tradeloom.news.http.SentimentService;
import io.tradeloom.news.ingest.NewsIngestor;
import io.tradeloom.news.sentiment.Lexicon;
import io.tradeloom.news.sentiment.RollingSentiment;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.source.AlpacaNewsSource;
import io.tradeloom.news.source.NewsSource;
import io.tradeloom.news.source.RssNewsSource;
import io.tradeloom.news.source.SimNewsSource;
import io.tradeloom.news.store.MarketEvents;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/**
 * News: headlines from one source ({@code NEWS_SOURCE}: the simulated market's news jumps, RSS/Atom feeds or
 * Alpaca's news API), each stored once with the symbols it names and the sentiment of its text, and per-symbol
 * rolling sentiment. Non-critical: trading goes on without it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceKit.main(ServiceId.NEWS, Main::routing);
    }

    /** The service's own routes, beside the platform's observe endpoints and /api/info; starts the ingestor. */
    public static void routing(HttpRouting.Builder routing, ServiceContext context) {
        NewsSettings settings = NewsSettings.from(context.settings().config());
        Database db = context.db();
        SentimentAnalyzer analyzer = new SentimentAnalyzer(Lexicon.bundled());
        NewsStore store = new NewsStore(db);
        UniverseStore universe = new UniverseStore(db);
        routes(routing, settings, analyzer, store, universe, now(settings, db, context.clock()));

        NewsIngestor ingestor = new NewsIngestor(source(settings, store, universe, db, context.clock()),
                analyzer, store, universe, context.clock());
        context.lifecycle().onStop(ingestor);
        ingestor.start(settings.pollInterval());
    }

    /** The routes alone, for tests that drive the ingestor themselves. */
    static void routes(HttpRouting.Builder routing, NewsSettings settings, SentimentAnalyzer analyzer, NewsStore store,
                       UniverseStore universe, Supplier<Instant> now) {
        routing.register("/api/news", new NewsService(store, universe, settings))
                .register("/api/sentiment", new SentimentService(analyzer, new RollingSentiment(settings.halfLife()),
                        store, universe, settings, now));
    }

    static NewsSource source(NewsSettings settings, NewsStore store, UniverseStore universe, Database db, Clock clock) {
        return switch (settings.source()) {
            case "rss" -> new RssNewsSource(settings.rssFeeds(), settings.rssTimeout(), settings.rssMaxBytes(), clock);
            case "alpaca" -> new AlpacaNewsSource(
                    new AlpacaHttp(settings.alpacaDataUrl(), new AlpacaCredentials(settings.alpacaKeyId(), settings.alpacaSecret()),
                            Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.defaults(), clock),
                    () -> symbols(universe), settings.alpacaLookback(), clock);
            default -> new SimNewsSource(new MarketEvents(db), universe, () -> store.maxNumericSourceId(SimNewsSource.NAME));
        };
    }

    private static Set<String> symbols(UniverseStore universe) {
        Set<String> s = new TreeSet<>();
        universe.list().forEach(m -> s.add(m.symbol()));
        return s;
    }

    /**
     * Simulated stories carry the simulated market's times, so their decay is measured on the market's clock (as the
     * scanner keeps it in the database); real news is measured on the real clock.
     */
    static Supplier<Instant> now(NewsSettings settings, Database db, Clock clock) {
        if (!settings.source().equals(SimNewsSource.NAME)) {
            return clock::instant;
        }
        MarketClockStore clocks = new MarketClockStore(db, clock);
        NyseCalendar calendar = new NyseCalendar();
        return () -> clocks.load().map(s -> s.clock(calendar, clock).now()).orElseGet(clock::instant);
    }
}
