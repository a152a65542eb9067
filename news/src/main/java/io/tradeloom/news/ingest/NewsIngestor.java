package io.tradeloom.news.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tradeloom.db.Database;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.sentiment.Sentiment;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.source.Article;
import io.tradeloom.news.source.NewsSource;
import io.tradeloom.news.store.NewsStore;

/**
 * Polls the news source on a schedule: each new item gets its symbols (matched against the universe as it is at
 * that poll) and the sentiment of its headline and summary, and is stored once. A failed poll is logged and the
 * next one tried; the service keeps answering from what is stored.
 */
public final class NewsIngestor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NewsIngestor.class.getName());

    private final NewsSource source;
    private final SentimentAnalyzer analyzer;
    private final NewsStore store;
    private final UniverseStore universe;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public NewsIngestor(NewsSource source, SentimentAnalyzer analyzer, NewsStore store, UniverseStore universe, Clock clock) {
        this.source = source;
        this.analyzer = analyzer;
        this.store = store;
        this.universe = universe;
        this.clock = clock;
    }

    /** Polls now and then every {@code interval}, on a virtual thread. */
    public synchronized void start(Duration interval) {
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("news-" + source.name()).factory());
        schedule.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            int added = pollOnce();
            if (added > 0) {
                LOG.info(() -> "stored " + added + " news items from " + source.name());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "news poll of " + source.name() + " failed: " + Database.rootMessage(e));
        }
    }

    /** One poll: returns how many items were new. */
    public int pollOnce() {
        var articles = source.poll();
        if (articles.isEmpty()) {
            return 0;
        }
        SymbolMatcher matcher = new SymbolMatcher(universe.list());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int added = 0;
        for (Article a : articles) {
            Set<String> symbols = matcher.match(a.headline() + " " + a.summary(), a.symbols());
            Sentiment sentiment = analyzer.analyze(a.text());
            if (store.add(a, symbols, sentiment, now).isPresent()) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            try {
                schedule.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
    }
}
