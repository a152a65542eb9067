package io.tradeloom.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.news.sentiment.Label;
import io.tradeloom.news.sentiment.Lexicon;
import io.tradeloom.news.sentiment.Sentiment;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.source.Article;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;

/** GET /api/news, GET /api/sentiment/{symbol} and POST /api/sentiment over a real database; bad input refused. */
@ServerTest
class NewsApiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.NEWS, "news-api",
            Map.of("sentiment.half-life-minutes", "240", "sentiment.window-hours", "24",
                    "sentiment.max-text-chars", "200", "news.default-limit", "2", "news.max-limit", "10"));
    private static final NewsSettings SETTINGS = NewsSettings.from(CONTEXT.settings().config());
    private static final NewsStore STORE = new NewsStore(CONTEXT.db());
    private static final SentimentAnalyzer ANALYZER = new SentimentAnalyzer(Lexicon.bundled());

    static {
        new UniverseStore(CONTEXT.db()).replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
                "TSLA", "Tesla Inc."));
        // AAPL: +0.6 now, -0.3 four hours (one half-life) ago, and +0.9 two days ago (outside the 24 h window)
        add("a1", "Apple item now", NOW, 0.6, Set.of("AAPL"));
        add("a2", "Apple item earlier", NOW.minus(Duration.ofHours(4)), -0.3, Set.of("AAPL"));
        add("a3", "Apple item long ago", NOW.minus(Duration.ofDays(2)), 0.9, Set.of("AAPL", "MSFT"));
        // TSLA: only old news
        add("t1", "Tesla item long ago", NOW.minus(Duration.ofDays(3)), -0.5, Set.of("TSLA"));
    }

    private static void add(String id, String headline, Instant at, double score, Set<String> symbols) {
        STORE.add(new Article("sim", id, "https://example.test/" + id, headline, "", null, at, Set.of()), symbols,
                new Sentiment(score, Label.of(score), List.of()), NOW);
    }

    private final Http1Client client;

    NewsApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> Main.routes(r, SETTINGS, ANALYZER, STORE,
                new UniverseStore(CONTEXT.db()), () -> NOW));
    }

    @AfterAll
    static void close() {
        TestContexts.close(CONTEXT);
    }

    @Test
    void symbolSentimentIsTheDecayWeightedMeanOfItsNewsInTheWindow() {
        Replies r = Replies.get(client, "/api/sentiment/aapl");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        // weights 1 and 0.5: (0.6 - 0.5 * 0.3) / 1.5 = 0.3; the two-day-old item is outside the window
        assertThat(j.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(j.path("score").doubleValue()).isCloseTo(0.3, within(1e-9));
        assertThat(j.path("label").asText()).isEqualTo("positive");
        assertThat(j.path("count").intValue()).isEqualTo(2);
        assertThat(j.path("weight").doubleValue()).isCloseTo(1.5, within(1e-9));
        assertThat(j.path("half_life_minutes").longValue()).isEqualTo(240);
        assertThat(j.path("window_hours").longValue()).isEqualTo(24);
        assertThat(j.path("latest_at").asText()).isEqualTo(NOW.toString());
        assertThat(j.path("as_of").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void knownSymbolWithoutRecentNewsIsNeutralWithCountZero() {
        JsonNode tsla = Replies.get(client, "/api/sentiment/TSLA").json();
        assertThat(tsla.path("score").doubleValue()).isZero();
        assertThat(tsla.path("label").asText()).isEqualTo("neutral");
        assertThat(tsla.path("count").intValue()).isZero();
        // the newest item, though too old to count, is still reported
        assertThat(tsla.path("latest_at").asText()).isEqualTo(NOW.minus(Duration.ofDays(3)).toString());

        Replies msft = Replies.get(client, "/api/sentiment/MSFT");
        assertThat(msft.status()).isEqualTo(200);
        assertThat(msft.json().path("count").intValue()).isZero();
    }

    @Test
    void unknownSymbolIsNotFound() {
        Replies r = Replies.get(client, "/api/sentiment/ZZZZ");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("ZZZZ");
        assertThat(Replies.get(client, "/api/news?symbol=ZZZZ").status()).isEqualTo(404);
    }

    @Test
    void newsListsASymbolsItemsNewestFirstWithSentimentAndSymbols() {
        Replies r = Replies.get(client, "/api/news?symbol=aapl&limit=10");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode news = r.json().path("news");
        assertThat(news.size()).isEqualTo(3);
        assertThat(news.get(0).path("headline").asText()).isEqualTo("Apple item now");
        assertThat(news.get(2).path("headline").asText()).isEqualTo("Apple item long ago");
        assertThat(news.get(2).path("symbols").toString()).isEqualTo("[\"AAPL\",\"MSFT\"]");
        assertThat(news.get(0).path("sentiment").path("score").doubleValue()).isEqualTo(0.6);
        assertThat(news.get(0).path("sentiment").path("label").asText()).isEqualTo("positive");
        assertThat(news.get(0).path("published_at").asText()).isEqualTo(NOW.toString());
        assertThat(news.get(0).path("source").asText()).isEqualTo("sim");
        assertThat(news.get(0).path("url").asText()).isEqualTo("https://example.test/a1");
    }

    @Test
    void newsWithoutSymbolListsAllItemsUpToTheDefaultLimit() {
        JsonNode news = Replies.get(client, "/api/news").json().path("news");
        assertThat(news.size()).isEqualTo(2);
        assertThat(news.get(0).path("headline").asText()).isEqualTo("Apple item now");
    }

    @Test
    void badLimitOrUnknownParameterIsRefusedNamingIt() {
        Replies zero = Replies.get(client, "/api/news?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errors()).singleElement().asString().startsWith("limit:");
        assertThat(Replies.get(client, "/api/news?limit=11").errors()).singleElement().asString().startsWith("limit:");
        assertThat(Replies.get(client, "/api/news?limit=ten").status()).isEqualTo(400);
        assertThat(Replies.get(client, "/api/news?symbols=AAPL").errors()).singleElement().asString().startsWith("symbols:");
    }

    @Test
    void postedTextIsScoredWithItsMatchedTerms() {
        Replies r = Replies.post(client, "/api/sentiment", "{\"text\": \"Apple upgraded to buy; analysts not worried\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        Sentiment expected = ANALYZER.analyze("Apple upgraded to buy; analysts not worried");
        assertThat(j.path("score").doubleValue()).isCloseTo(expected.score(), within(0.00005));
        assertThat(j.path("score").doubleValue()).isBetween(-1.0, 1.0);
        assertThat(j.path("label").asText()).isEqualTo("positive");
        assertThat(j.path("terms").findValuesAsText("term")).containsExactly("upgraded", "worried");
        // "not" flips "worried" (-1.2 in VADER's lexicon): -1.2 * -0.74
        JsonNode worried = j.path("terms").get(1);
        assertThat(worried.path("lexicon").doubleValue()).isEqualTo(-1.2);
        assertThat(worried.path("valence").doubleValue()).isCloseTo(0.888, within(0.00005));
    }

    @Test
    void emptyMissingOrOversizedTextIsRefusedNamingTheField() {
        for (String body : List.of("{\"text\": \"\"}", "{\"text\": \"   \"}", "{}", "{\"text\": null}")) {
            Replies r = Replies.post(client, "/api/sentiment", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.errors()).as(body).singleElement().asString().startsWith("text:");
        }
        Replies big = Replies.post(client, "/api/sentiment", "{\"text\": \"" + "a".repeat(201) + "\"}");
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.errors()).singleElement().asString().contains("201").contains("200");
        assertThat(Replies.post(client, "/api/sentiment", "{\"text\": \"" + "a".repeat(200) + "\"}").status()).isEqualTo(200);
    }

    @Test
    void unknownFieldOrMalformedBodyIsRefused() {
        Replies typo = Replies.post(client, "/api/sentiment", "{\"txt\": \"good\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.errors()).singleElement().asString().startsWith("txt:");
        assertThat(Replies.post(client, "/api/sentiment", "{\"text\": 5}").status()).isEqualTo(400);
        assertThat(Replies.post(client, "/api/sentiment", "not json").status()).isEqualTo(400);
    }
}
