package io.tradeloom.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.news.ingest.NewsIngestor;
import io.tradeloom.news.sentiment.Lexicon;
import io.tradeloom.news.sentiment.SentimentAnalyzer;
import io.tradeloom.news.source.SimNewsSource;
import io.tradeloom.news.store.MarketEvents;
import io.tradeloom.news.store.NewsStore;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;

/**
 * With the defaults (NEWS_SOURCE=sim) the service, started as Main starts it, turns the simulated market's stored
 * news jumps into stories within seconds: each stored once, about the jumping stock, in the jump's tone.
 */
@ServerTest
class SimNewsTest {

    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.NEWS, "news-sim", Map.of());

    static {
        new UniverseStore(CONTEXT.db()).replace(Map.of("AAPL", "Apple Inc.", "TSLA", "Tesla Inc.",
                "JPM", "JPMorgan Chase & Co."));
        storeEvents(List.of(
                new NewsEvent("AAPL", T, new BigDecimal("0.0412"), "earnings"),
                new NewsEvent("TSLA", T.plusSeconds(60), new BigDecimal("-0.0150"), "legal")));
    }

    private static void storeEvents(List<NewsEvent> events) {
        MarketSeed.events(CONTEXT.db(), events);
    }

    private final Http1Client client;

    SimNewsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, Main::routing);
    }

    @AfterAll
    static void close() {
        TestContexts.close(CONTEXT);
    }

    private JsonNode awaitNews(String symbol, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode news;
        do {
            news = Replies.get(client, "/api/news?symbol=" + symbol).json().path("news");
            if (news.size() >= atLeast) {
                return news;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return news;
    }

    @Test
    void defaultServiceWritesAStoryInTheJumpsToneForEachStoredJump() throws InterruptedException {
        JsonNode aapl = awaitNews("AAPL", 1);
        assertThat(aapl.size()).isEqualTo(1);
        JsonNode story = aapl.get(0);
        assertThat(story.path("source").asText()).isEqualTo("sim");
        assertThat(story.path("headline").asText()).isEqualTo("Apple posts record profit as revenue growth surges");
        assertThat(story.path("summary").asText()).isEqualTo("Shares of Apple (AAPL) jumped 4.1% in the minute after the earnings news.");
        assertThat(story.path("published_at").asText()).isEqualTo(T.toString());
        assertThat(story.path("symbols").toString()).isEqualTo("[\"AAPL\"]");
        assertThat(story.path("sentiment").path("label").asText()).isEqualTo("positive");

        JsonNode tsla = awaitNews("TSLA", 1);
        assertThat(tsla.get(0).path("sentiment").path("label").asText()).isEqualTo("negative");

        JsonNode sentiment = Replies.get(client, "/api/sentiment/TSLA").json();
        assertThat(sentiment.path("count").intValue()).isEqualTo(1);
        assertThat(sentiment.path("score").doubleValue()).isNegative();
        assertThat(Replies.get(client, "/api/sentiment/JPM").json().path("count").intValue()).isZero();
    }

    @Test
    void eachJumpIsStoredOnceAndNewJumpsAreFollowed() {
        // a second ingestor over the same database, as after a restart, continues after the stored stories
        NewsStore store = new NewsStore(CONTEXT.db());
        UniverseStore universe = new UniverseStore(CONTEXT.db());
        NewsIngestor again = new NewsIngestor(new SimNewsSource(new MarketEvents(CONTEXT.db()), universe,
                () -> store.maxNumericSourceId("sim")), new SentimentAnalyzer(Lexicon.bundled()), store, universe,
                CONTEXT.clock());
        again.pollOnce();
        int stored = store.count();
        assertThat(again.pollOnce()).isZero();
        assertThat(store.count()).isEqualTo(stored);

        storeEvents(List.of(new NewsEvent("JPM", T.plusSeconds(120), new BigDecimal("-0.0350"), "management")));
        again.pollOnce(); // the service's own ingestor may store it first: either way it is stored once
        assertThat(store.latest(Optional.of("JPM"), 5)).hasSize(1);
        assertThat(store.count()).isEqualTo(stored + 1);
        NewsStore.Item jpm = store.latest(Optional.of("JPM"), 5).getFirst();
        assertThat(jpm.headline()).isEqualTo("JPMorgan Chase CEO ousted amid turmoil and investor anger");
        assertThat(jpm.sentiment().score()).isNegative();
        assertThat(again.pollOnce()).isZero();
    }
}
