package io.tradeloom.pattern;

import static io.tradeloom.db.schema.Tables.CANDLE_PATTERN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.WebServer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.market.UniverseStore;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.testkit.HostileInput;
import io.tradeloom.testkit.TestContexts;
import io.tradeloom.testkit.TestServers;
import io.tradeloom.testkit.TestServers.Answer;

/**
 * Arbitrary and hostile bars, candlestick pattern ids and symbols through the service's real routing: a valid answer or a
 * 4xx problem, never a 5xx; a refused request stores nothing.
 */
class HostileInputPropertiesTest {

    private static final List<Map<String, Object>> BARS = List.of(
            bar("2026-03-09T13:30:00Z", 10, 11, 9.5, 10.5),
            bar("2026-03-09T13:31:00Z", 10.5, 12, 10, 11.5),
            bar("2026-03-09T13:32:00Z", 11.5, 12.5, 11, 12),
            bar("2026-03-09T13:33:00Z", 12, 12.2, 10.8, 11));
    private static final Map<String, Object> BODY = Map.of("bars", BARS, "patterns", List.of("CDLENGULFING", "CDLDOJI"));

    private static ServiceContext context;
    private static WebServer server;

    private static Map<String, Object> bar(String time, double open, double high, double low, double close) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("open", open);
        m.put("high", high);
        m.put("low", low);
        m.put("close", close);
        m.put("volume", 1000);
        return m;
    }

    @BeforeContainer
    static void start() {
        context = TestContexts.context(ServiceId.PATTERN, "hostile", Map.of("server.max-payload-bytes", Integer.toString(16 * 1024 * 1024)));
        new UniverseStore(context.db()).replace(Map.of("AAPL", "Apple Inc."));
        new BarStore(context.db()).insert(Timeframe.MIN_1, MarketData.session("AAPL"));
        server = TestServers.start(context, Main::routing);
    }

    @AfterContainer
    static void stop() {
        server.stop();
        TestContexts.close(context);
    }

    private static long stored() {
        return context.db().read("count", ctx -> ctx.fetchCount(CANDLE_PATTERN));
    }

    private static void assertAnsweredWithoutFault(Answer a) {
        Statistics.label("status").collect(a.status() / 100 + "xx");
        assertThat(a.status()).as(a.body()).isLessThan(500);
        if (a.status() >= 400) {
            assertThat(a.isProblem()).as(a.body()).isTrue();
            assertThat(a.body()).doesNotContain("\tat ", "Exception");
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return HostileInput.bodies(BODY);
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        return HostileInput.strings();
    }

    @Property(tries = 200)
    void anyBodyIsAnsweredOrRefusedWithA4xx(@ForAll("bodies") String body) {
        long before = stored();

        assertAnsweredWithoutFault(TestServers.post(server, "/api/patterns", body));
        assertThat(stored()).as("a POST computes, it never stores").isEqualTo(before);
    }

    @Property(tries = 200)
    void anyIdInTheBodyOrQueryIsAnsweredOrRefusedWithA4xxStoringNothing(@ForAll("hostileStrings") String id) {
        long before = stored();

        assertAnsweredWithoutFault(TestServers.post(server, "/api/patterns",
                HostileInput.json(Map.of("bars", BARS, "patterns", List.of(id)))));
        Answer query = TestServers.get(server, "/api/patterns/AAPL?limit=100&patterns=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertAnsweredWithoutFault(query);
        if (query.status() >= 400) {
            assertThat(stored()).as("a refused request stores nothing").isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void anySymbolOrTimeframeInTheUrlIsAnsweredOrRefusedWithA4xx(@ForAll("hostileStrings") String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");

        assertAnsweredWithoutFault(TestServers.get(server, "/api/patterns/" + encoded));
        assertAnsweredWithoutFault(TestServers.get(server, "/api/patterns/AAPL?timeframe=" + encoded));
        assertAnsweredWithoutFault(TestServers.get(server, "/api/patterns/AAPL?limit=" + encoded));
    }

    @Provide
    Arbitrary<HostileInput.BarMutation> barMutations() {
        return HostileInput.barMutations(BODY, "bars");
    }

    /** A changed bar is computed on, or refused naming that very bar field; out-of-range numbers are refused, never clamped. */
    @Property(tries = 200)
    void anyValueInABarIsComputedOrRefusedNamingThatField(@ForAll("barMutations") HostileInput.BarMutation m) {
        Answer a = TestServers.post(server, "/api/patterns", m.body());

        assertAnsweredWithoutFault(a);
        if (a.status() >= 400) {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains(m.field().substring(0, m.field().indexOf(']') + 1));
        }
    }

    @Example
    void aTenMegabyteStringIsRefusedWithA400() {
        Answer a = TestServers.post(server, "/api/patterns", HostileInput.tenMegabyteField(BODY, "patterns"));

        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.isProblem()).isTrue();
    }
}
