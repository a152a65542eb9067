package io.tradeloom.technical;

import static io.tradeloom.db.schema.Tables.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.testkit.TestContexts;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.http.Json;
import io.tradeloom.testkit.Replies;

/** POST /api/indicators as CONTRACTS.md fixes it, GET /api/indicators/{symbol}, and every kind of bad input. */
@ServerTest
class IndicatorsApiTest {

    private static final int MAX_BARS = 300;
    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.TECHNICAL, "indicators",
            Map.of("indicators.max-bars", Integer.toString(MAX_BARS), "indicators.default-limit", "200",
                    "indicators.max-count", "8"));

    static {
        MarketFixture.store(CONTEXT);
    }

    private final Http1Client client;
    private final IndicatorEngine engine = new IndicatorEngine();
    private final List<Bar> aapl = MarketFixture.minutes("AAPL");

    IndicatorsApiTest(Http1Client client) {
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

    @Test
    void postAnswersEverySpecUnderItsOwnTextWithArraysAsLongAsTheBarsAndNullDuringWarmUp() {
        List<Bar> bars = aapl.subList(0, 40);
        List<String> specs = List.of("SMA(20)", "macd", "BBANDS(5, 2,2)", "STOCH", "AROON", "RSI", "VWAP");

        Replies r = Replies.post(client, "/api/indicators", body(bars(bars), specs));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode indicators = r.json().path("indicators");
        assertThat(names(indicators)).containsExactlyElementsOf(specs);
        assertThat(names(indicators.path("macd"))).containsExactly("macd", "signal", "hist");
        assertThat(names(indicators.path("BBANDS(5, 2,2)"))).containsExactly("upper", "middle", "lower");
        assertThat(names(indicators.path("STOCH"))).containsExactly("k", "d");
        assertThat(names(indicators.path("AROON"))).containsExactly("down", "up");
        assertThat(names(indicators.path("SMA(20)"))).containsExactly("value");
        BarSeries series = BarSeries.of(bars);
        for (String spec : specs) {
            engine.compute(series, IndicatorSpec.parse(spec)).outputs().forEach((output, expected) -> {
                JsonNode values = indicators.path(spec).path(output);
                assertThat(values.size()).as(spec + " " + output).isEqualTo(bars.size());
                for (int i = 0; i < expected.length; i++) {
                    if (Double.isNaN(expected[i])) {
                        assertThat(values.get(i).isNull()).as(spec + " " + output + " at " + i).isTrue();
                    } else {
                        assertThat(values.get(i).doubleValue()).as(spec + " " + output + " at " + i).isEqualTo(expected[i]);
                    }
                }
            });
        }
        JsonNode sma = indicators.path("SMA(20)").path("value");
        assertThat(sma.get(18).isNull()).isTrue();
        assertThat(sma.get(19).isNumber()).isTrue();
    }

    /** The answer is streamed from the engine's arrays; the reference is Jackson's own rendering of boxed values. */
    @Test
    void answersAreByteForByteWhatJacksonWritesForTheValuesBoxed() {
        List<Bar> bars = aapl.subList(0, 120);
        List<String> specs = List.of("SMA(20)", "macd", "BBANDS(5, 2,2)", "STOCH", "AROON", "RSI", "VWAP", "\tcci ( 5 ) ");

        Replies posted = Replies.post(client, "/api/indicators", body(bars(bars), specs));
        Replies got = Replies.get(client, "/api/indicators/AAPL?indicators=SMA(20),MACD(12,26,9),vwap&limit=50");

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.contentType()).hasValue("application/json");
        assertThat(posted.body()).isEqualTo(new String(Json.bytes(Map.of("indicators", boxed(BarSeries.of(bars), specs))),
                StandardCharsets.UTF_8));
        List<Bar> latest = aapl.subList(aapl.size() - 50, aapl.size());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("symbol", "AAPL");
        expected.put("timeframe", "1Min");
        expected.put("bars", latest.stream().map(b -> {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("time", b.time());
            bar.put("open", b.open());
            bar.put("high", b.high());
            bar.put("low", b.low());
            bar.put("close", b.close());
            bar.put("volume", b.volume());
            return bar;
        }).toList());
        expected.put("indicators", boxed(BarSeries.of(latest), List.of("SMA(20)", "MACD(12,26,9)", "vwap")));
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(new String(Json.bytes(expected), StandardCharsets.UTF_8));
    }

    @Test
    void fewerBarsThanTheLookbackGiveNullsNotAnError() {
        Replies r = Replies.post(client, "/api/indicators", body(bars(aapl.subList(0, 5)), List.of("SMA(20)", "MACD(12,26,9)")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode macd = r.json().path("indicators").path("MACD(12,26,9)");
        for (JsonNode values : List.of(r.json().path("indicators").path("SMA(20)").path("value"), macd.path("macd"),
                macd.path("signal"), macd.path("hist"))) {
            assertThat(values.size()).isEqualTo(5);
            values.forEach(v -> assertThat(v.isNull()).isTrue());
        }
    }

    @Test
    void badIndicatorsAreNamedByTheirIndexWithWhatIsWrong() {
        ArrayNode bars = bars(aapl.subList(0, 10));

        assertThat(Replies.post(client, "/api/indicators", body(bars, List.of("SMA(20)", "FOO"))).errors())
                .singleElement().asString().startsWith("indicators[1]: unknown indicator 'FOO'; known: ADX, AROON");
        assertThat(Replies.post(client, "/api/indicators", body(bars, List.of("RSI(0)"))).errors())
                .containsExactly("indicators[0]: RSI timeperiod must be a whole number from 2 to 100000 (TA-Lib's range), was 0");
        assertThat(Replies.post(client, "/api/indicators", body(bars, List.of("RSI", "MACD(26,12,9)", "EMA(2,3)"))).errors())
                .containsExactly("indicators[1]: MACD fastperiod (26) must be below slowperiod (12)",
                        "indicators[2]: EMA takes at most 1 parameter (timeperiod), got 2");
    }

    @Test
    void everyBadInputIsA400NamingTheFieldOrFirstBadBarAndStoresNothing() {
        int signalsBefore = signalCount();
        ArrayNode good = bars(aapl.subList(0, 10));
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"high below low", edit(good, 3, b -> b.put("high", b.get("low").doubleValue() - 0.01)), "bars[3].high"});
        cases.add(new Object[] {"negative volume", edit(good, 2, b -> b.put("volume", -1)), "bars[2].volume"});
        cases.add(new Object[] {"time not increasing", edit(good, 4, b -> b.put("time", good.get(3).get("time").asText())), "bars[4].time"});
        cases.add(new Object[] {"missing close", edit(good, 1, b -> b.remove("close")), "bars[1].close"});
        cases.add(new Object[] {"NaN as a string", edit(good, 6, b -> b.put("open", "NaN")), "bars[6].open"});
        cases.add(new Object[] {"null high", edit(good, 5, b -> b.putNull("high")), "bars[5].high"});
        cases.add(new Object[] {"unknown bar field", edit(good, 0, b -> b.put("vwap", 1)), "bars[0].vwap"});
        for (Object[] c : cases) {
            Replies r = Replies.post(client, "/api/indicators", body((JsonNode) c[1], List.of("RSI")));

            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(r.json().path("errors").get(0).path("field").asText()).as(c[0].toString()).isEqualTo(c[2]);
        }
        Map<String, String> bodies = Map.of(
                "{\"bars\": [], \"indicators\": [\"RSI\"], \"extra\": 1}", "extra",
                "{\"bars\": []}", "indicators",
                "{\"indicators\": [\"RSI\"]}", "bars",
                "{\"bars\": [], \"indicators\": [14]}", "indicators[0]",
                "{\"bars\": [], \"indicators\": \"RSI\"}", "indicators",
                "{\"bars\": [], \"indicators\": []}", "indicators");
        bodies.forEach((body, field) -> {
            Replies r = Replies.post(client, "/api/indicators", body);
            assertThat(r.status()).as(body + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("field").asText()).as(body).isEqualTo(field);
        });
        assertThat(Replies.post(client, "/api/indicators", "{\"bars\": [{\"time\": NaN}]}").status()).isEqualTo(400);
        assertThat(Replies.post(client, "/api/indicators", "not json").status()).isEqualTo(400);
        assertThat(signalCount()).isEqualTo(signalsBefore);
    }

    @Test
    void moreBarsThanTheConfiguredMaximumIs413() {
        Replies r = Replies.post(client, "/api/indicators", body(bars(aapl.subList(0, MAX_BARS + 1)), List.of("RSI")));

        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.json().path("detail").asText()).contains("at most " + MAX_BARS);
        assertThat(Replies.post(client, "/api/indicators", body(bars(aapl.subList(0, MAX_BARS)), List.of("RSI"))).status())
                .isEqualTo(200);
    }

    @Test
    void moreIndicatorsThanTheConfiguredMaximumAreRefused() {
        Replies r = Replies.post(client, "/api/indicators", body(bars(aapl.subList(0, 5)),
                List.of("RSI", "SMA", "EMA", "WMA", "ATR", "OBV", "MOM", "ROC", "CCI")));

        assertThat(r.errors()).containsExactly("indicators: names 9 indicators; at most 8 are accepted per request");
    }

    @Test
    void getComputesOnTheLatestStoredBars() {
        Replies r = Replies.get(client, "/api/indicators/aapl?indicators=SMA(20),MACD(12,26,9),vwap&limit=100&timeframe=1Min");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(answer.path("timeframe").asText()).isEqualTo("1Min");
        assertThat(answer.path("bars").size()).isEqualTo(100);
        List<Bar> latest = aapl.subList(aapl.size() - 100, aapl.size());
        assertThat(answer.path("bars").get(0).path("time").asText()).isEqualTo(latest.getFirst().time().toString());
        assertThat(names(answer.path("indicators"))).containsExactly("SMA(20)", "MACD(12,26,9)", "vwap");
        double[] hist = engine.compute(BarSeries.of(latest), IndicatorSpec.parse("MACD")).output("hist");
        JsonNode json = answer.path("indicators").path("MACD(12,26,9)").path("hist");
        assertThat(json.get(99).doubleValue()).isEqualTo(hist[99]);
        assertThat(json.get(32).isNull()).isTrue();
    }

    @Test
    void getUsesTheTimeframeAskedForAndTheDefaultLimit() {
        List<Bar> fiveMinute = new BarStore(CONTEXT.db()).latest("MSFT", Timeframe.MIN_5, Instant.now(), 1000);

        Replies r = Replies.get(client, "/api/indicators/MSFT?timeframe=5Min&indicators=ATR");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("bars").size()).isEqualTo(fiveMinute.size()).isEqualTo(156);
        assertThat(r.json().path("indicators").path("ATR").path("value").size()).isEqualTo(156);
    }

    @Test
    void getOnASymbolWithoutBarsAnswersEmptyArrays() {
        Replies r = Replies.get(client, "/api/indicators/EMPTY?indicators=RSI");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("bars").size()).isZero();
        assertThat(r.json().path("indicators").path("RSI").path("value").size()).isZero();
    }

    @Test
    void getRefusesUnknownSymbolsAndBadParameters() {
        assertThat(Replies.get(client, "/api/indicators/NOPE?indicators=RSI").status()).isEqualTo(404);
        assertThat(Replies.get(client, "/api/indicators/AAPL?indicators=RSI,MACD(9,5)").errors())
                .containsExactly("indicators[1]: MACD fastperiod (9) must be below slowperiod (5)");
        assertThat(Replies.get(client, "/api/indicators/AAPL").errors()).singleElement().asString().startsWith("indicators: is required");
        assertThat(Replies.get(client, "/api/indicators/AAPL?indicators=RSI,").errors()).singleElement().asString()
                .startsWith("indicators[1]: '' is not an indicator spec");
        assertThat(Replies.get(client, "/api/indicators/AAPL?indicators=RSI&limit=" + (MAX_BARS + 1)).errors())
                .containsExactly("limit: must be between 1 and " + MAX_BARS + ", was " + (MAX_BARS + 1));
        assertThat(Replies.get(client, "/api/indicators/AAPL?indicators=RSI&timeframe=2Min").errors()).singleElement()
                .asString().startsWith("timeframe: unknown timeframe '2Min'");
        assertThat(Replies.get(client, "/api/indicators/AAPL?indicators=RSI&period=3").status()).isEqualTo(400);
    }

    /** Every spec's outputs as boxed arrays, null where undefined, keyed as the answer keys them. */
    private Map<String, Map<String, Double[]>> boxed(BarSeries bars, List<String> specs) {
        Map<String, Map<String, Double[]>> json = new LinkedHashMap<>();
        for (String spec : specs) {
            Map<String, Double[]> outputs = new LinkedHashMap<>();
            engine.compute(bars, IndicatorSpec.parse(spec)).outputs().forEach((name, values) ->
                    outputs.put(name, Arrays.stream(values).mapToObj(v -> Double.isNaN(v) ? null : v).toArray(Double[]::new)));
            json.put(spec, outputs);
        }
        return json;
    }

    private static int signalCount() {
        return CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(SIGNAL));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String body(JsonNode bars, List<String> specs) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("bars", bars);
        body.set("indicators", Json.MAPPER.valueToTree(specs));
        return body.toString();
    }

    private static ArrayNode bars(List<Bar> bars) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Bar b : bars) {
            array.addObject().put("time", b.time().toString()).put("open", b.open()).put("high", b.high())
                    .put("low", b.low()).put("close", b.close()).put("volume", b.volume());
        }
        return array;
    }

    /** A copy of {@code bars} with bar {@code index} changed by {@code change}. */
    private static ArrayNode edit(ArrayNode bars, int index, Consumer<ObjectNode> change) {
        ArrayNode copy = bars.deepCopy();
        change.accept((ObjectNode) copy.get(index));
        return copy;
    }
}
