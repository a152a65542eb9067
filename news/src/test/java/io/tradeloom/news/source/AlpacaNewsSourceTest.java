package io.tradeloom.news.source;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tradeloom.alpaca.AlpacaCredentials;
import io.tradeloom.alpaca.AlpacaException;
import io.tradeloom.alpaca.AlpacaHttp;
import io.tradeloom.alpaca.RetryPolicy;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.ingest.NewsIngestor;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.Lexicon;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.testkit.TestContexts;

/** Alpaca's GET /v1beta1/news, served by WireMock in Alpaca's documented shape: paged, stored once, keys never logged. */
class AlpacaNewsSourceTest {

    @RegisterExtension
    static final WireMockExtension ALPACA = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final String KEY_ID = "PKNEWSTEST1234567890";
    private static final String SECRET = "news-secret-do-not-leak-7";
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final String PAGE_1 = """
            {"news": [
              {"id": 24803233, "headline": "Apple upgraded at Wedbush on strong iPhone demand",
               "author": "Benzinga Newsdesk", "created_at": "2026-11-24T13:11:03Z", "updated_at": "2026-11-24T13:37:41Z",
               "summary": "<p>Analysts see <b>solid</b> growth.</p>", "content": "<p>Long text</p>",
               "url": "https://www.benzinga.com/news/26/11/24803233/apple-upgraded",
               "images": [{"size": "large", "url": "https://cdn.benzinga.com/files/images/story/2026/apple.jpeg"}],
               "symbols": ["AAPL"], "source": "benzinga"},
              {"id": 24803240, "headline": "Tech stocks slide as rates rise",
               "author": "Benzinga Newsdesk", "created_at": "2026-11-24T13:40:00Z", "updated_at": "2026-11-24T13:40:00Z",
               "summary": "", "content": "", "url": "https://www.benzinga.com/news/26/11/24803240/tech-slide",
               "images": [], "symbols": ["MSFT", "NVDA", "BTCUSD"], "source": "benzinga"}
            ],
            "next_page_token": "MTY0MDc5MDY2MzAwMDAwMDAwMHwyNDgwMzI0MA=="}
            """;
    private static final String PAGE_2 = """
            {"news": [
              {"id": 24803300, "headline": "Microsoft faces lawsuit over cloud contracts",
               "author": "Reuters", "created_at": "2026-11-24T14:05:00Z", "updated_at": "2026-11-24T14:05:00Z",
               "summary": "Regulators and rivals raise concerns.", "content": "",
               "url": "https://www.benzinga.com/news/26/11/24803300/microsoft-lawsuit",
               "images": [], "symbols": [], "source": "benzinga"},
              {"id": 24803301, "headline": "", "author": "", "created_at": "2026-11-24T14:06:00Z",
               "updated_at": "2026-11-24T14:06:00Z", "summary": "", "content": "", "url": "", "images": [],
               "symbols": [], "source": "benzinga"}
            ],
            "next_page_token": null}
            """;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger tradeloom = Logger.getLogger("io.tradeloom");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getLevel() + ": " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private ServiceContext context;

    @BeforeEach
    void setUp() {
        capture.setLevel(Level.ALL);
        tradeloom.setLevel(Level.ALL);
        tradeloom.addHandler(capture);
        context = TestContexts.context(ServiceId.NEWS, "news-alpaca", Map.of());
        new UniverseStore(context.db()).replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
                "NVDA", "NVIDIA Corporation"));
    }

    @AfterEach
    void tearDown() {
        tradeloom.removeHandler(capture);
        tradeloom.setLevel(null);
        TestContexts.close(context);
    }

    private AlpacaNewsSource source() {
        AlpacaHttp http = new AlpacaHttp(URI.create(ALPACA.baseUrl()), new AlpacaCredentials(KEY_ID, SECRET),
                Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(2)), CLOCK);
        return new AlpacaNewsSource(http, () -> Set.of("NVDA", "AAPL", "MSFT"), Duration.ofHours(24), CLOCK);
    }

    private NewsIngestor ingestor(NewsSource source, NewsStore store) {
        return new NewsIngestor(source, new SentimentAnalyzer(Lexicon.bundled()), store,
                new UniverseStore(context.db()), CLOCK);
    }

    @Test
    void readsEveryPageForTheUniverseSinceTheLookbackAndStoresEachItemOnce() {
        ALPACA.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", absent())
                .willReturn(okJson(PAGE_1)));
        ALPACA.stubFor(get(urlPathEqualTo("/v1beta1/news"))
                .withQueryParam("page_token", equalTo("MTY0MDc5MDY2MzAwMDAwMDAwMHwyNDgwMzI0MA=="))
                .willReturn(okJson(PAGE_2)));
        NewsStore store = new NewsStore(context.db());
        NewsIngestor ingestor = ingestor(source(), store);

        // three items with headlines; the fourth has none and is skipped
        assertThat(ingestor.pollOnce()).isEqualTo(3);

        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v1beta1/news"))
                .withQueryParam("symbols", equalTo("AAPL,MSFT,NVDA"))
                .withQueryParam("start", equalTo("2026-11-23T15:00:00Z"))
                .withQueryParam("sort", equalTo("asc"))
                .withQueryParam("limit", equalTo("50"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)));

        NewsStore.Item apple = store.latest(Optional.of("AAPL"), 5).getFirst();
        assertThat(apple.source()).isEqualTo("alpaca");
        assertThat(apple.sourceId()).isEqualTo("24803233");
        assertThat(apple.summary()).isEqualTo("Analysts see solid growth.");
        assertThat(apple.author()).isEqualTo("Benzinga Newsdesk");
        assertThat(apple.publishedAt()).isEqualTo(Instant.parse("2026-11-24T13:11:03Z"));
        assertThat(apple.sentiment().label()).isEqualTo(Label.POSITIVE);
        // Alpaca's tags, kept where the universe knows them (not BTCUSD)
        NewsStore.Item slide = store.latest(Optional.of("NVDA"), 5).getFirst();
        assertThat(slide.symbols()).containsExactlyInAnyOrder("MSFT", "NVDA");
        // untagged, but the text names Microsoft
        assertThat(store.latest(Optional.of("MSFT"), 5)).extracting(NewsStore.Item::sourceId)
                .containsExactly("24803300", "24803240");
        assertThat(store.latest(Optional.of("MSFT"), 5).getFirst().sentiment().label()).isEqualTo(Label.NEGATIVE);

        // the next poll starts at the newest item seen; what comes again is not stored again
        assertThat(ingestor.pollOnce()).isZero();
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v1beta1/news"))
                .withQueryParam("start", equalTo("2026-11-24T14:05:00Z")));
        assertThat(store.count()).isEqualTo(3);
        assertThat(logged).noneMatch(line -> line.contains(SECRET) || line.contains(KEY_ID));
        assertThat(logged).anyMatch(line -> line.contains("without an id or a headline"));
    }

    @Test
    void aBodyThatIsNotTheDocumentedShapeFailsThePollAndStoresNothing() {
        ALPACA.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson("{\"articles\": []}")));
        NewsStore store = new NewsStore(context.db());

        assertThatThrownBy(() -> ingestor(source(), store).pollOnce()).isInstanceOf(AlpacaException.class)
                .hasMessageContaining("news");
        assertThat(store.count()).isZero();
        assertThat(logged).noneMatch(line -> line.contains(SECRET) || line.contains(KEY_ID));
    }
}
