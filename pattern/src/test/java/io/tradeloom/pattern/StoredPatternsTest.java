package io.tradeloom.pattern;

import static io.tradeloom.db.schema.Tables.CANDLE_PATTERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tradeloom.testkit.TestContexts;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.candles.CandleEngine;
import io.tradeloom.candles.CandlePatterns;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.Replies;

/** GET /api/patterns/{symbol} over bars stored as the scanner stores them, and what it leaves in the database. */
@ServerTest
class StoredPatternsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.PATTERN, "stored-patterns", Map.of());
    private static final List<Bar> AAPL = MarketData.session("AAPL");
    private static final List<Bar> MSFT = MarketData.session("MSFT");

    private final Http1Client client;

    StoredPatternsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        new UniverseStore(CONTEXT.db()).replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
                "IBM", "International Business Machines"));
        BarStore bars = new BarStore(CONTEXT.db());
        bars.insert(Timeframe.MIN_1, AAPL);
        bars.insert(Timeframe.MIN_5, BarAggregator.aggregate(AAPL, Timeframe.MIN_5, new NyseCalendar()));
        bars.insert(Timeframe.MIN_1, MSFT);
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

    @Test
    void detectionsOverTheLatestBarsAreAnsweredAndStoredOnce() {
        Replies first = Replies.get(client, "/api/patterns/MSFT?limit=200");
        Replies second = Replies.get(client, "/api/patterns/MSFT?limit=200");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<String> answered = detections(first.json(), MSFT.subList(MSFT.size() - 200, MSFT.size()));
        assertThat(answered).isEqualTo(expected(MSFT.subList(MSFT.size() - 200, MSFT.size())));
        assertThat(stored("MSFT", Timeframe.MIN_1)).containsExactlyInAnyOrderElementsOf(answered);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(stored("MSFT", Timeframe.MIN_1)).hasSameSizeAs(answered);
    }

    @Test
    void byDefaultTheLatest500OneMinuteBarsAreSearchedForAllPatterns() {
        Replies r = Replies.get(client, "/api/patterns/aapl");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("symbol").asText()).isEqualTo("AAPL");
        assertThat(r.json().path("timeframe").asText()).isEqualTo("1Min");
        assertThat(detections(r.json(), AAPL)).isEqualTo(expected(AAPL)); // all 390 stored bars
        assertThat(names(r.json())).containsExactly("symbol", "timeframe", "patterns");
    }

    @Test
    void theTimeframeAndPatternsParametersChooseTheBarsAndPatterns() {
        List<Bar> fiveMinutes = BarAggregator.aggregate(AAPL, Timeframe.MIN_5, new NyseCalendar());

        Replies all = Replies.get(client, "/api/patterns/AAPL?timeframe=5Min");
        Replies some = Replies.get(client, "/api/patterns/AAPL?timeframe=5Min&patterns=CDLSPINNINGTOP,cdldoji");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("timeframe").asText()).isEqualTo("5Min");
        assertThat(detections(all.json(), fiveMinutes)).isEqualTo(expected(fiveMinutes));
        assertThat(some.status()).as(some.body()).isEqualTo(200);
        assertThat(some.json().path("patterns").findValuesAsText("id")).isNotEmpty()
                .allMatch(id -> id.equals("CDLSPINNINGTOP") || id.equals("CDLDOJI"));
    }

    @Test
    void aSymbolWithoutStoredBarsHasNoPatterns() {
        Replies r = Replies.get(client, "/api/patterns/IBM");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("patterns")).isEmpty();
    }

    @Test
    void anUnknownSymbolIs404AndStoresNothing() {
        int before = storedRows();

        Replies r = Replies.get(client, "/api/patterns/NOPE");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(storedRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "timeframe=2Min                   | timeframe",
            "limit=0                          | limit",
            "limit=many                       | limit",
            "limit=100001                     | limit",
            "patterns=CDLDOJI,CDLDOGE         | patterns",
            "patterns=CDLDOJI,                | patterns",
            "pattern=CDLDOJI                  | pattern"})
    void aBadParameterIs400NamingItAndStoresNothing(String query, String field) {
        int before = storedRows();

        Replies r = Replies.get(client, "/api/patterns/AAPL?" + query);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(storedRows()).isEqualTo(before);
    }

    /** The answer as "time:id:value", checking that each index points at the bar of its time. */
    private static List<String> detections(JsonNode answer, List<Bar> window) {
        List<String> found = new ArrayList<>();
        for (JsonNode p : answer.path("patterns")) {
            Instant time = Instant.parse(p.path("time").asText());
            assertThat(window.get(p.path("index").asInt()).time()).isEqualTo(time);
            found.add(time.toEpochMilli() + ":" + p.path("id").asText() + ":" + p.path("value").asInt());
        }
        return found;
    }

    private static List<String> expected(List<Bar> window) {
        return new CandleEngine().detect(BarSeries.of(window), CandlePatterns.all()).stream()
                .map(d -> d.time().toEpochMilli() + ":" + d.pattern().id() + ":" + d.value()).toList();
    }

    private static List<String> stored(String symbol, Timeframe timeframe) {
        return CONTEXT.db().read("test.stored", ctx -> ctx.selectFrom(CANDLE_PATTERN)
                .where(CANDLE_PATTERN.SYMBOL.eq(symbol), CANDLE_PATTERN.TIMEFRAME.eq(timeframe.label()))
                .fetch(r -> r.getTime() + ":" + r.getPatternId() + ":" + r.getValue()));
    }

    private static int storedRows() {
        return CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(CANDLE_PATTERN));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
