package io.tradeloom.pattern;

import static io.tradeloom.db.schema.Tables.CANDLE_PATTERN;
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

import io.tradeloom.testkit.TestContexts;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.candles.CandleEngine;
import io.tradeloom.candles.CandlePatterns;
import io.tradeloom.candles.Detection;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.http.Json;
import io.tradeloom.testkit.Replies;

/** POST /api/patterns as CONTRACTS.md specifies it, and every way a body can be refused. */
@ServerTest
class PostPatternsTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.PATTERN, "post-patterns", Map.of());
    private static final List<Bar> SESSION = MarketData.session("AAPL");

    private final Http1Client client;

    PostPatternsTest(Http1Client client) {
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
    void answersEveryDetectionInTheContractsShape() {
        Replies r = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(SESSION)));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).hasValue("application/json");
        JsonNode patterns = r.json().path("patterns");
        List<Detection> expected = new CandleEngine().detect(BarSeries.of(SESSION), CandlePatterns.all());
        assertThat(expected).isNotEmpty();
        assertThat(patterns).hasSize(expected.size());
        Iterator<Detection> e = expected.iterator();
        for (JsonNode p : patterns) {
            Detection d = e.next();
            List<String> fields = new ArrayList<>();
            p.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("index", "time", "id", "name", "direction", "value");
            assertThat(p.path("index").asInt()).isEqualTo(d.index());
            assertThat(p.path("time").asText()).isEqualTo(SESSION.get(d.index()).time().toString());
            assertThat(p.path("id").asText()).isEqualTo(d.pattern().id());
            assertThat(p.path("name").asText()).isEqualTo(d.pattern().name());
            assertThat(p.path("value").asInt()).isEqualTo(d.value());
            assertThat(p.path("direction").asText()).isEqualTo(d.value() > 0 ? "bullish" : "bearish");
        }
    }

    @Test
    void thePatternsFieldLimitsTheAnswerToTheNamedIdsInAnyCase() {
        Replies r = Replies.post(client, "/api/patterns",
                Map.of("bars", MarketData.json(SESSION), "patterns", List.of("CDLDOJI", "cdlHammer")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = r.json().path("patterns").findValuesAsText("id");
        assertThat(ids).contains("CDLDOJI", "CDLHAMMER").allMatch(id -> id.equals("CDLDOJI") || id.equals("CDLHAMMER"));
    }

    @Test
    void tooFewBarsAnswerNoPatterns() {
        Replies r = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(SESSION.subList(0, 2))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("patterns").isArray()).isTrue();
        assertThat(r.json().path("patterns")).isEmpty();
    }

    @Test
    void unknownPatternIdsAreRefusedNamingEachItem() {
        Replies r = Replies.post(client, "/api/patterns",
                Map.of("bars", MarketData.json(SESSION), "patterns", List.of("CDLDOJI", "CDLDOGE", 7)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly("patterns[1]", "patterns[2]");
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("CDLDOGE");
    }

    @Test
    void anEmptyOrNonArrayPatternsFieldIsRefused() {
        Replies empty = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(SESSION), "patterns", List.of()));
        Replies text = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(SESSION), "patterns", "CDLDOJI"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorField()).isEqualTo("patterns");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.errorField()).isEqualTo("patterns");
    }

    @Test
    void anUnknownBodyFieldIsRefusedNamingIt() {
        Replies r = Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(SESSION), "pattern", List.of("CDLDOJI")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("pattern");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThat(Replies.post(client, "/api/patterns", "[1, 2]").status()).isEqualTo(400);
        assertThat(Replies.post(client, "/api/patterns", "{\"bars\": [").status()).isEqualTo(400);
        assertThat(Replies.post(client, "/api/patterns", Map.of("patterns", List.of("CDLDOJI"))).errorField()).isEqualTo("bars");
    }

    static Stream<Arguments> badBars() {
        return Stream.of(
                bad("high below low", "bars[3].high", b -> b.put("high", ((BigDecimal) b.get("low")).subtract(BigDecimal.ONE))),
                bad("negative volume", "bars[3].volume", b -> b.put("volume", -1)),
                bad("a time equal to the previous bar's", "bars[3].time", b -> b.put("time", SESSION.get(2).time().toString())),
                bad("a time before the previous bar's", "bars[3].time", b -> b.put("time", SESSION.get(0).time().toString())),
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
        List<Map<String, Object>> bars = new ArrayList<>(MarketData.json(SESSION.subList(0, 10)));
        spoil.accept(bars.get(3));
        spoil.accept(bars.get(7)); // a later bad bar: the first is the one reported

        Replies r = Replies.post(client, "/api/patterns", Map.of("bars", bars));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    /** Python's json.dumps writes these bare, though JSON has no such numbers. */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void aBareNonFiniteNumberIsRefusedNamingTheBar(String literal) {
        List<Map<String, Object>> bars = new ArrayList<>(MarketData.json(SESSION.subList(0, 5)));
        bars.get(2).put("close", "PLACEHOLDER");
        String body = new String(Json.bytes(Map.of("bars", bars)), StandardCharsets.UTF_8).replace("\"PLACEHOLDER\"", literal);

        Replies r = Replies.post(client, "/api/patterns", body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("bars[2].close");
    }

    @Test
    void anUnknownQueryParameterIsRefused() {
        Replies r = Replies.post(client, "/api/patterns?symbol=AAPL", Map.of("bars", MarketData.json(SESSION)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorField()).isEqualTo("symbol");
    }

    @Test
    void postedBarsAreNeverStored() {
        assertThat(Replies.post(client, "/api/patterns", Map.of("bars", MarketData.json(SESSION))).status()).isEqualTo(200);

        int stored = CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(CANDLE_PATTERN));
        assertThat(stored).isZero();
    }
}
