package io.tradeloom.news.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.ingest.NewsIngestor;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.Lexicon;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.testkit.TestContexts;

/**
 * RSS and Atom read by Rome from a local server; a feed that answers garbage, an error, or nothing in time is logged
 * and skipped while the others are still read; items are stored once, also across feeds by URL.
 */
class RssNewsSourceTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC);
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/markets.rss", ex -> send(ex, 200, resource("markets.rss")));
        server.createContext("/tech.atom", ex -> send(ex, 200, resource("tech.atom")));
        server.createContext("/garbage", ex -> send(ex, 200, "<<<this is { not a feed".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/html", ex -> send(ex, 200, "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/error", ex -> send(ex, 503, "down".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/hang", ex -> {
            try {
                Thread.sleep(TIMEOUT.multipliedBy(6));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, resource("markets.rss"));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RssNewsSourceTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static RssNewsSource source(String... paths) {
        List<URI> feeds = new ArrayList<>();
        for (String p : paths) {
            feeds.add(URI.create(base + p));
        }
        return new RssNewsSource(feeds, TIMEOUT, 1_000_000, CLOCK);
    }

    @Test
    void readsRssAndAtomEntries() {
        try (RssNewsSource rss = source("/markets.rss", "/tech.atom")) {
            List<Article> articles = rss.poll();

            assertThat(articles).extracting(Article::headline).containsExactly(
                    "$AAPL surges after record quarter", "Microsoft faces antitrust probe in Europe",
                    "Tesla (NASDAQ: TSLA) recalls vehicles over faulty brakes", "Apple surges after record quarter");
            Article apple = articles.get(0);
            assertThat(apple.source()).isEqualTo("rss");
            assertThat(apple.sourceId()).isEqualTo("markets-1001");
            assertThat(apple.url()).isEqualTo("https://news.example.test/apple-record-quarter");
            assertThat(apple.summary()).isEqualTo("Apple reported strong growth & raised its dividend.");
            assertThat(apple.publishedAt()).isEqualTo(Instant.parse("2026-11-24T14:05:00Z"));
            Article tesla = articles.get(2);
            assertThat(tesla.sourceId()).isEqualTo("urn:uuid:5a1c9e1e-0000-4000-8000-000000000002");
            assertThat(tesla.author()).isEqualTo("Auto Desk");
            assertThat(tesla.publishedAt()).isEqualTo(Instant.parse("2026-11-24T14:30:00Z"));
            // an entry with only an update time is dated by it
            assertThat(articles.get(3).publishedAt()).isEqualTo(Instant.parse("2026-11-24T14:06:00Z"));
            assertThat(articles.get(3).url()).isEqualTo("https://news.example.test/apple-record-quarter");
        }
    }

    @Test
    void badFeedsAreLoggedAndSkippedWhileTheOthersAreRead() {
        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(RssNewsSource.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try (RssNewsSource rss = source("/garbage", "/hang", "/markets.rss", "/error", "/html", "/tech.atom")) {
            long started = System.nanoTime();
            List<Article> articles = rss.poll();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(articles).hasSize(4);
            assertThat(took).isLessThan(TIMEOUT.multipliedBy(5));
            assertThat(warnings).hasSize(4);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(base + "/garbage"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(base + "/hang").contains("700 ms"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(base + "/error").contains("503"));
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains(base + "/html"));
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void ingestedItemsAreStoredOnceWithSymbolsAndSentiment() {
        ServiceContext context = TestContexts.context(ServiceId.NEWS, "news-rss", Map.of());
        try {
            UniverseStore universe = new UniverseStore(context.db());
            universe.replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation", "TSLA", "Tesla Inc."));
            NewsStore store = new NewsStore(context.db());
            NewsIngestor ingestor = new NewsIngestor(source("/markets.rss", "/garbage", "/tech.atom"),
                    new SentimentAnalyzer(Lexicon.bundled()), store, universe, CLOCK);

            // four entries, but the Atom feed's Apple entry has the RSS one's URL: one story, stored once
            assertThat(ingestor.pollOnce()).isEqualTo(3);
            assertThat(ingestor.pollOnce()).isZero();
            assertThat(store.count()).isEqualTo(3);

            NewsStore.Item apple = store.latest(Optional.of("AAPL"), 10).getFirst();
            assertThat(apple.headline()).isEqualTo("$AAPL surges after record quarter");
            assertThat(apple.sentiment().label()).isEqualTo(Label.POSITIVE);
            assertThat(apple.fetchedAt()).isEqualTo(CLOCK.instant());
            NewsStore.Item msft = store.latest(Optional.of("MSFT"), 10).getFirst();
            assertThat(msft.sentiment().label()).isEqualTo(Label.NEGATIVE);
            assertThat(store.latest(Optional.of("TSLA"), 10)).singleElement()
                    .satisfies(t -> assertThat(t.sentiment().label()).isEqualTo(Label.NEGATIVE));
            ingestor.close();
        } finally {
            TestContexts.close(context);
        }
    }
}
