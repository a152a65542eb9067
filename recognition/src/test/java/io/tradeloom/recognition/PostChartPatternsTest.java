package io.tradeloom.recognition;

import static io.tradeloom.db.schema.Tables.CHART_PATTERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.tradeloom.charts.ChartAnalysis;
import io.tradeloom.charts.ChartEngine;
import io.tradeloom.charts.ChartPattern;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.http.Json;
import io.tradeloom.testkit.TestContexts;

/** POST /api/chart-patterns: the answer's shape, the types filter, and every way a body can be refused. */
@ServerTest
class PostChartPatternsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.RECOGNITION, "post-chart-patterns",
            Map.of("recognition.scan.enabled", "false"));
    private static final List<Bar> SIM = MarketData.sessions("AAPL", 2);
    /** A head and shoulders: shoulders at 100, head at 103, neckline at 97, then the break to 92. */
    private static final List<Bar> HEAD_AND_SHOULDERS = MarketData.drawn("X", 95, 100, 97, 103, 97, 100, 92);

    private final Http1Client client;

    PostChartPatternsTest(Http1Client client) {
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
    void aDrawnHeadAndShouldersIsAnsweredWithItsPivotsNecklineTargetAndBreakout() {
        Replies r = Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(HEAD_AND_SHOULDERS)));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).hasValue("application/json");
        JsonNode hs = find(r.json().path("patterns"), "head_and_shoulders");
        assertThat(names(hs)).containsExactly("type", "name", "direction", "status", "start_index", "end_index",
                "start_time", "end_time", "pivots", "lines", "level", "target", "confidence", "breakout");
        assertThat(hs.path("direction").asText()).isEqualTo("bearish");
        assertThat(hs.path("status").asText()).isEqualTo("confirmed");
        // Pivots: the shoulders, troughs and head where they were drawn (legs of 10 bars from bar 0).
        assertThat(hs.path("pivots").findValuesAsText("index")).containsExactly("10", "20", "30", "40", "50");
        assertThat(hs.path("pivots").findValuesAsText("kind")).containsExactly("high", "low", "high", "low", "high");
        assertThat(hs.path("pivots").get(2).path("price").decimalValue()).isEqualByComparingTo("103.05");
        // Neckline through the troughs' lows (96.95); head 103.05 is 6.10 above it, so the target is 96.95 - 6.10.
        assertThat(hs.path("level").decimalValue()).isEqualByComparingTo("96.95");
        assertThat(hs.path("target").decimalValue()).isEqualByComparingTo("90.85");
        JsonNode breakout = hs.path("breakout");
        assertThat(breakout.path("direction").asText()).isEqualTo("bearish");
        assertThat(breakout.path("volume_confirmed").asBoolean()).isTrue();
        assertThat(breakout.path("index").asInt()).isGreaterThan(50);
        assertThat(hs.path("end_index").asInt()).isEqualTo(breakout.path("index").asInt());
        assertThat(hs.path("start_time").asText()).isEqualTo(HEAD_AND_SHOULDERS.get(10).time().toString());
        assertThat(hs.path("confidence").decimalValue()).isBetween(new BigDecimal("0.9"), BigDecimal.ONE);
        // The only recent formation is bearish, so the bias is its confidence, negated.
        assertThat(r.json().path("bias").decimalValue()).isLessThan(BigDecimal.ZERO);
    }

    @Test
    void theAnswerCarriesEveryPatternTheEngineFindsAndTheSwings() {
        Replies r = Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(SIM)));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(names(r.json())).containsExactly("bias", "patterns", "swings");
        ChartAnalysis expected = new ChartEngine().analyse(BarSeries.of(SIM));
        assertThat(expected.patterns()).isNotEmpty();
        JsonNode patterns = r.json().path("patterns");
        assertThat(patterns).hasSize(expected.patterns().size());
        Iterator<ChartPattern> e = expected.patterns().iterator();
        for (JsonNode p : patterns) {
            ChartPattern x = e.next();
            assertThat(p.path("type").asText()).isEqualTo(x.type().id());
            assertThat(p.path("start_index").asInt()).isEqualTo(x.startIndex());
            assertThat(p.path("end_time").asText()).isEqualTo(SIM.get(x.endIndex()).time().toString());
            assertThat(p.path("confidence").decimalValue().doubleValue()).isCloseTo(x.confidence(), org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(r.json().path("swings")).hasSize(expected.pivots().size());
        assertThat(r.json().path("bias").decimalValue().doubleValue()).isCloseTo(expected.bias(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void theTypesFieldLimitsTheAnswerToTheNamedTypes() {
        Replies r = Replies.post(client, "/api/chart-patterns",
                Map.of("bars", MarketData.json(SIM), "types", List.of("support", "Resistance")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("patterns").findValuesAsText("type")).isNotEmpty()
                .allMatch(t -> t.equals("support") || t.equals("resistance"));
    }

    @Test
    void unknownTypesAreRefusedNamingEachItem() {
        Replies r = Replies.post(client, "/api/chart-patterns",
                Map.of("bars", MarketData.json(SIM), "types", List.of("double_top", "cup_and_handle", 7)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly("types[1]", "types[2]");
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("cup_and_handle", "double_top");
    }

    @Test
    void anEmptyOrNonArrayTypesFieldIsRefused() {
        assertThat(Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(SIM), "types", List.of())).errorField())
                .isEqualTo("types");
        assertThat(Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(SIM), "types", "double_top")).errorField())
                .isEqualTo("types");
    }

    @Test
    void tooFewBarsAnswerNoPatterns() {
        Replies r = Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(SIM.subList(0, 3))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("patterns")).isEmpty();
        assertThat(r.json().path("bias").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anUnknownBodyFieldOrQueryParameterIsRefusedNamingIt() {
        assertThat(Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(SIM), "type", List.of("support")))
                .errorField()).isEqualTo("type");
        assertThat(Replies.post(client, "/api/chart-patterns?symbol=AAPL", Map.of("bars", MarketData.json(SIM))).errorField())
                .isEqualTo("symbol");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThat(Replies.post(client, "/api/chart-patterns", "[1, 2]").status()).isEqualTo(400);
        assertThat(Replies.post(client, "/api/chart-patterns", "{\"bars\": [").status()).isEqualTo(400);
        assertThat(Replies.post(client, "/api/chart-patterns", Map.of("types", List.of("support"))).errorField()).isEqualTo("bars");
    }

    static Stream<Arguments> badBars() {
        return Stream.of(
                bad("high below low", "bars[3].high", b -> b.put("high", ((BigDecimal) b.get("low")).subtract(BigDecimal.ONE))),
                bad("negative volume", "bars[3].volume", b -> b.put("volume", -1)),
                bad("a time equal to the previous bar's", "bars[3].time", b -> b.put("time", SIM.get(2).time().toString())),
                bad("a time before the previous bar's", "bars[3].time", b -> b.put("time", SIM.get(0).time().toString())),
                bad("a missing field", "bars[3].close", b -> b.remove("close")),
                bad("a null field", "bars[3].open", b -> b.put("open", null)),
                bad("a price given as text", "bars[3].low", b -> b.put("low", "12.5")),
                bad("a time that is not RFC 3339", "bars[3].time", b -> b.put("time", "yesterday")),
                bad("an unknown bar field", "bars[3].vwap", b -> b.put("vwap", 1)));
    }

    private static Arguments bad(String name, String field, Consumer<Map<String, Object>> spoil) {
        return Arguments.of(name, field, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBars")
    void aBadBarIsRefusedNamingTheFirstOneByIndex(String name, String field, Consumer<Map<String, Object>> spoil) {
        List<Map<String, Object>> bars = new ArrayList<>(MarketData.json(SIM.subList(0, 10)));
        spoil.accept(bars.get(3));
        spoil.accept(bars.get(7)); // a later bad bar: the first is the one reported

        Replies r = Replies.post(client, "/api/chart-patterns", Map.of("bars", bars));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    /** Python's json.dumps writes these bare, though JSON has no such numbers. */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void aBareNonFiniteNumberIsRefusedNamingTheBar(String literal) {
        List<Map<String, Object>> bars = new ArrayList<>(MarketData.json(SIM.subList(0, 5)));
        bars.get(2).put("close", "PLACEHOLDER");
        String body = new String(Json.bytes(Map.of("bars", bars)), StandardCharsets.UTF_8).replace("\"PLACEHOLDER\"", literal);

        Replies r = Replies.post(client, "/api/chart-patterns", body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("bars[2].close");
    }

    @Test
    void postedBarsAreNeverStored() {
        assertThat(Replies.post(client, "/api/chart-patterns", Map.of("bars", MarketData.json(SIM))).status()).isEqualTo(200);

        int stored = CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(CHART_PATTERN));
        assertThat(stored).isZero();
    }

    static JsonNode find(JsonNode patterns, String type) {
        for (JsonNode p : patterns) {
            if (p.path("type").asText().equals(type)) {
                return p;
            }
        }
        throw new AssertionError("no " + type + " in " + patterns);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
