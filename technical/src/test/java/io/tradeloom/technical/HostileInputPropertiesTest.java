package io.tradeloom.technical;

import static io.tradeloom.db.schema.Tables.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.testkit.HostileInput;
import io.tradeloom.testkit.TestContexts;
import io.tradeloom.testkit.TestServers;
import io.tradeloom.testkit.TestServers.Answer;

/**
 * Arbitrary and hostile input through the technical service's real routing: bars, indicator
 * specifications (body and query) and signal batches. Every answer is a valid answer or a 4xx
 * problem, never a 5xx; a refused signal batch stores nothing.
 */
class HostileInputPropertiesTest {

    private static final List<Map<String, Object>> BARS = List.of(
            Map.of("time", "2026-03-09T13:30:00Z", "open", 10, "high", 11, "low", 9.5, "close", 10.5, "volume", 1000),
            Map.of("time", "2026-03-09T13:31:00Z", "open", 10.5, "high", 12, "low", 10, "close", 11.5, "volume", 1200),
            Map.of("time", "2026-03-09T13:32:00Z", "open", 11.5, "high", 12.5, "low", 11, "close", 12, "volume", 900));
    private static final Map<String, Object> INDICATORS = Map.of("bars", BARS, "indicators", List.of("SMA(2)", "RSI(2)"));
    private static final Map<String, Object> SIGNALS = Map.of("symbols", List.of("AAPL"), "timeframe", "1Min");

    private static ServiceContext context;
    private static WebServer server;

    @BeforeContainer
    static void start() {
        context = TestContexts.context(ServiceId.TECHNICAL, "hostile", 
                // Above the 10 MB body below, so that it reaches the JSON parser's own string limit (the 413 for a
                // body over the server's limit is RequestLimitsTest's).
                Map.of("server.max-payload-bytes", Integer.toString(16 * 1024 * 1024)));
        MarketFixture.store(context);
        server = TestServers.start(context, Main::routing);
    }

    @AfterContainer
    static void stop() {
        server.stop();
        TestContexts.close(context);
    }

    private static long signals() {
        return context.db().read("count", ctx -> ctx.fetchCount(SIGNAL));
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
    Arbitrary<String> indicatorBodies() {
        return HostileInput.bodies(INDICATORS);
    }

    @Provide
    Arbitrary<String> signalBodies() {
        return HostileInput.bodies(SIGNALS);
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        return HostileInput.strings();
    }

    @Property(tries = 200)
    void anyIndicatorsBodyIsAnsweredOrRefusedWithA4xx(@ForAll("indicatorBodies") String body) {
        Answer a = TestServers.post(server, "/api/indicators", body);

        assertAnsweredWithoutFault(a);
        if (a.status() == 200) {
            assertThat(a.body()).startsWith("{\"indicators\":");
        }
    }

    @Property(tries = 200)
    void anyIndicatorSpecificationIsComputedOrRefusedWithA4xx(@ForAll("hostileStrings") String spec) {
        Answer body = TestServers.post(server, "/api/indicators",
                HostileInput.json(Map.of("bars", BARS, "indicators", List.of(spec))));
        Answer query = TestServers.get(server, "/api/indicators/AAPL?limit=50&indicators="
                + URLEncoder.encode(spec, StandardCharsets.UTF_8));

        assertAnsweredWithoutFault(body);
        assertAnsweredWithoutFault(query);
    }

    @Property(tries = 200)
    void anySignalsBatchIsStoredOrRefusedWithA4xxStoringNothing(@ForAll("signalBodies") String body) {
        long before = signals();

        Answer a = TestServers.post(server, "/api/signals", body);

        assertAnsweredWithoutFault(a);
        if (a.status() >= 400) {
            assertThat(signals()).as("a refused batch stores nothing").isEqualTo(before);
        }
    }

    @Property(tries = 100)
    void anySymbolInThePathIsAnsweredOrRefusedWithA4xx(@ForAll("hostileStrings") String symbol) {
        long before = signals();
        String path = "/api/signals/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8).replace("+", "%20");

        Answer a = TestServers.get(server, path);

        assertAnsweredWithoutFault(a);
        if (a.status() >= 400) {
            assertThat(signals()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<HostileInput.BarMutation> barMutations() {
        return HostileInput.barMutations(INDICATORS, "bars");
    }

    /** A changed bar is computed on, or refused naming that very bar field; out-of-range numbers are refused, never clamped. */
    @Property(tries = 200)
    void anyValueInABarIsComputedOrRefusedNamingThatField(@ForAll("barMutations") HostileInput.BarMutation m) {
        Answer a = TestServers.post(server, "/api/indicators", m.body());

        assertAnsweredWithoutFault(a);
        if (a.status() >= 400) {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains(m.field().substring(0, m.field().indexOf(']') + 1));
        }
    }

    @Example
    void aTenMegabyteStringIsRefusedWithA400AndStoresNothing() {
        long before = signals();

        Answer indicators = TestServers.post(server, "/api/indicators", HostileInput.tenMegabyteField(INDICATORS, "indicators"));
        Answer batch = TestServers.post(server, "/api/signals", HostileInput.tenMegabyteField(SIGNALS, "timeframe"));

        assertThat(indicators.status()).as(indicators.body()).isEqualTo(400);
        assertThat(batch.status()).as(batch.body()).isEqualTo(400);
        assertThat(indicators.isProblem()).isTrue();
        assertThat(signals()).isEqualTo(before);
    }
}
