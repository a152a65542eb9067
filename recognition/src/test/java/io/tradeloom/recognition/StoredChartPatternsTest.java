package io.tradeloom.recognition;

import static io.tradeloom.db.schema.Tables.CHART_PATTERN;
import static org.assertj.core.api.Assertions.assertThat;

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

import io.tradeloom.charts.ChartAnalysis;
import io.tradeloom.charts.ChartEngine;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;

/** GET /api/chart-patterns/{symbol} over bars stored as the scanner stores them, and what it leaves in the database. */
@ServerTest
class StoredChartPatternsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.RECOGNITION, "stored-chart-patterns",
            Map.of("recognition.scan.enabled", "false"));
    private static final List<Bar> AAPL = MarketData.sessions("AAPL", 2);
    private static final List<Bar> MSFT = MarketData.sessions("MSFT", 2);
    private static final List<Bar> HS = MarketData.drawn("HS", 95, 100, 97, 103, 97, 100, 92);

    private final Http1Client client;

    StoredChartPatternsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        new UniverseStore(CONTEXT.db()).replace(Map.of("AAPL", "Apple Inc.", "MSFT", "Microsoft Corporation",
                "IBM", "International Business Machines", "HS", "Head and Shoulders Inc."));
        BarStore bars = new BarStore(CONTEXT.db());
        bars.insert(Timeframe.MIN_1, AAPL);
        bars.insert(Timeframe.MIN_5, BarAggregator.aggregate(AAPL, Timeframe.MIN_5, new NyseCalendar()));
        bars.insert(Timeframe.MIN_1, MSFT);
        bars.insert(Timeframe.MIN_1, HS);
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
    void theLatestBarsPatternsAreAnsweredAndStoredOnceHoweverOftenAsked() {
        Replies first = Replies.get(client, "/api/chart-patterns/MSFT?limit=400");
        int rows = stored("MSFT");
        Replies second = Replies.get(client, "/api/chart-patterns/MSFT?limit=400");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<Bar> window = MSFT.subList(MSFT.size() - 400, MSFT.size());
        ChartAnalysis expected = new ChartEngine().analyse(BarSeries.of(window));
        assertThat(first.json().path("patterns").findValuesAsText("type"))
                .containsExactlyElementsOf(expected.patterns().stream().map(p -> p.type().id()).toList());
        assertThat(rows).isEqualTo(expected.patterns().size()).isPositive();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(stored("MSFT")).isEqualTo(rows);
    }

    @Test
    void byDefaultTheLatest500OneMinuteBarsAreSearchedForEveryType() {
        Replies r = Replies.get(client, "/api/chart-patterns/aapl");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(PostChartPatternsTest.names(r.json())).containsExactly("symbol", "timeframe", "bias", "patterns", "swings");
        assertThat(r.json().path("symbol").asText()).isEqualTo("AAPL");
        assertThat(r.json().path("timeframe").asText()).isEqualTo("1Min");
        ChartAnalysis expected = new ChartEngine().analyse(BarSeries.of(AAPL.subList(AAPL.size() - 500, AAPL.size())));
        assertThat(r.json().path("patterns")).hasSize(expected.patterns().size());
    }

    @Test
    void aStoredPatternKeepsItsTimesPricesAndPivots() {
        Replies r = Replies.get(client, "/api/chart-patterns/HS?types=head_and_shoulders");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode hs = PostChartPatternsTest.find(r.json().path("patterns"), "head_and_shoulders");
        var row = CONTEXT.db().read("test.row", ctx -> ctx.selectFrom(CHART_PATTERN)
                .where(CHART_PATTERN.SYMBOL.eq("HS"), CHART_PATTERN.TYPE.eq("head_and_shoulders")).fetchOne());
        assertThat(row).isNotNull();
        assertThat(row.getTimeframe()).isEqualTo("1Min");
        assertThat(row.getStartTime()).isEqualTo(HS.get(10).time().toEpochMilli());
        assertThat(row.getEndTime()).isEqualTo(HS.get(hs.path("end_index").asInt()).time().toEpochMilli());
        assertThat(row.getStatus()).isEqualTo("confirmed");
        assertThat(row.getDirection()).isEqualTo("bearish");
        assertThat(row.getLevelE4()).isEqualTo(969_500L);
        assertThat(row.getTargetE4()).isEqualTo(908_500L);
        assertThat(row.getPivots()).contains("\"kind\":\"high\"", "\"price\":103.0500", HS.get(30).time().toString());
        assertThat(row.getBreakout()).contains("\"volume_confirmed\":true");
    }

    @Test
    void theTimeframeAndTypesParametersChooseTheBarsAndTypes() {
        Replies some = Replies.get(client, "/api/chart-patterns/AAPL?timeframe=5Min&types=support,RESISTANCE");

        assertThat(some.status()).as(some.body()).isEqualTo(200);
        assertThat(some.json().path("timeframe").asText()).isEqualTo("5Min");
        assertThat(some.json().path("patterns").findValuesAsText("type")).isNotEmpty()
                .allMatch(t -> t.equals("support") || t.equals("resistance"));
    }

    @Test
    void theListAnswersStoredPatternsNewestFirst() {
        Replies.get(client, "/api/chart-patterns/MSFT");

        Replies r = Replies.get(client, "/api/chart-patterns?symbol=msft&limit=5");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode patterns = r.json().path("patterns");
        assertThat(patterns).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(patterns.findValuesAsText("symbol")).containsOnly("MSFT");
        List<String> ends = patterns.findValuesAsText("end_time");
        assertThat(ends).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(PostChartPatternsTest.names(patterns.get(0))).containsExactly("id", "symbol", "timeframe", "type",
                "direction", "status", "start_time", "end_time", "level", "target", "confidence", "pivots", "breakout",
                "detected_at", "updated_at");
        assertThat(patterns.get(0).path("confidence").decimalValue().scale()).isEqualTo(4);
    }

    @Test
    void aSymbolWithoutStoredBarsHasNoPatterns() {
        Replies r = Replies.get(client, "/api/chart-patterns/IBM");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("patterns")).isEmpty();
    }

    @Test
    void anUnknownSymbolIs404AndStoresNothing() {
        int before = storedRows();

        Replies r = Replies.get(client, "/api/chart-patterns/NOPE");
        Replies list = Replies.get(client, "/api/chart-patterns?symbol=NOPE");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(list.status()).isEqualTo(404);
        assertThat(storedRows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "timeframe=2Min                   | timeframe",
            "limit=0                          | limit",
            "limit=many                       | limit",
            "limit=100001                     | limit",
            "types=double_top,cup             | types",
            "types=double_top,                | types",
            "type=double_top                  | type"})
    void aBadParameterIs400NamingItAndStoresNothing(String query, String field) {
        int before = storedRows();

        Replies r = Replies.get(client, "/api/chart-patterns/AAPL?" + query);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(storedRows()).isEqualTo(before);
    }

    private static int stored(String symbol) {
        return CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(CHART_PATTERN, CHART_PATTERN.SYMBOL.eq(symbol)));
    }

    private static int storedRows() {
        return CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(CHART_PATTERN));
    }
}
