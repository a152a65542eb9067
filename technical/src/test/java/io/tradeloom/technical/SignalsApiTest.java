package io.tradeloom.technical;

import static io.tradeloom.db.schema.Tables.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
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

import io.tradeloom.testkit.TestContexts;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.db.PriceUnits;
import io.tradeloom.db.market.BarStore;
import io.tradeloom.db.schema.tables.records.SignalRecord;
import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.signal.Signal;
import io.tradeloom.indicators.signal.SignalEngine;
import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.Replies;

/** GET /api/signals/{symbol} and POST /api/signals: computed on stored bars, stored with their bar time, bad input refused whole. */
@ServerTest
class SignalsApiTest {

    private static final int SIGNAL_BARS = 200;
    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.TECHNICAL, "signals",
            Map.of("signals.bars", Integer.toString(SIGNAL_BARS), "signals.max-symbols", "3"));

    static {
        MarketFixture.store(CONTEXT);
    }

    private final Http1Client client;

    SignalsApiTest(Http1Client client) {
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
    void getComputesTheSignalOnTheLatestStoredBarsStoresItAndReturnsIt() {
        Replies r = Replies.get(client, "/api/signals/aapl");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        Signal expected = expected("AAPL", Timeframe.MIN_1);
        assertThat(json.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(json.path("timeframe").asText()).isEqualTo("1Min");
        assertThat(json.path("time").asText()).isEqualTo(expected.time().toString());
        assertThat(json.path("action").asText()).isEqualTo(expected.action().name());
        assertThat(json.path("score").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(expected.score()));
        assertThat(json.path("score").doubleValue()).isBetween(-1.0, 1.0);
        assertThat(json.path("close").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(expected.close()));
        assertThat(json.path("atr").doubleValue()).isCloseTo(expected.atr().orElseThrow(), within(1e-4));
        assertThat(json.path("reasons").size()).isEqualTo(expected.reasons().size());
        json.path("reasons").forEach(reason -> assertThat(reason.fieldNames()).toIterable()
                .containsExactly("rule", "contribution", "detail"));
        assertThat(json.has("suggested_stop")).isTrue();

        SignalRecord row = CONTEXT.db().read("test.find", ctx -> ctx.selectFrom(SIGNAL)
                .where(SIGNAL.ID.eq(json.path("id").intValue())).fetchOne());
        assertThat(row.getSymbol()).isEqualTo("AAPL");
        assertThat(row.getTimeframe()).isEqualTo("1Min");
        assertThat(Instant.ofEpochMilli(row.getTime())).isEqualTo(expected.time());
        assertThat(row.getAction()).isEqualTo(expected.action().name());
        assertThat(new BigDecimal(row.getScore())).isEqualByComparingTo(json.path("score").decimalValue());
        assertThat(PriceUnits.fromE4(row.getCloseE4())).isEqualByComparingTo(json.path("close").decimalValue());
        assertThat(row.getReasons()).isEqualTo(json.path("reasons").toString());
        assertThat(Instant.ofEpochMilli(row.getCreatedAt()).toString()).isEqualTo(json.path("created_at").asText());
    }

    @Test
    void postComputesABatchOnTheTimeframeAskedForAndStoresEachSignal() {
        int before = signalCount();

        Replies r = Replies.post(client, "/api/signals", "{\"symbols\": [\"MSFT\", \"aapl\"], \"timeframe\": \"5Min\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode signals = r.json().path("signals");
        assertThat(signals.size()).isEqualTo(2);
        assertThat(signals.get(0).path("symbol").asText()).isEqualTo("MSFT");
        assertThat(signals.get(1).path("symbol").asText()).isEqualTo("AAPL");
        for (JsonNode signal : signals) {
            Signal expected = expected(signal.path("symbol").asText(), Timeframe.MIN_5);
            assertThat(signal.path("timeframe").asText()).isEqualTo("5Min");
            assertThat(signal.path("action").asText()).isEqualTo(expected.action().name());
            assertThat(signal.path("time").asText()).isEqualTo(expected.time().toString());
        }
        assertThat(signalCount()).isEqualTo(before + 2);
    }

    @Test
    void aBatchWithAnyBadSymbolIsRefusedWholeNamingEachAndStoresNothing() {
        int before = signalCount();

        Replies unknown = Replies.post(client, "/api/signals", "{\"symbols\": [\"AAPL\", \"NOPE\", \"aapl\"], \"timeframe\": \"7Min\"}");
        Replies noBars = Replies.post(client, "/api/signals", "{\"symbols\": [\"AAPL\", \"EMPTY\"]}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errors()).hasSize(3).anySatisfy(e -> assertThat(e).startsWith("timeframe: unknown timeframe '7Min'"))
                .contains("symbols[1]: unknown symbol 'NOPE': it is not in the scanner's universe",
                        "symbols[2]: repeats symbols[0]");
        assertThat(noBars.status()).as(noBars.body()).isEqualTo(409);
        assertThat(noBars.errors()).containsExactly("symbols[1]: has no stored 1Min bars yet");
        assertThat(signalCount()).isEqualTo(before);
    }

    @Test
    void malformedBatchesAreRefusedAndStoreNothing() {
        int before = signalCount();

        assertThat(Replies.post(client, "/api/signals", "{\"symbols\": []}").errors()).singleElement().asString()
                .startsWith("symbols: must list at least one symbol");
        assertThat(Replies.post(client, "/api/signals", "{}").errors()).singleElement().asString()
                .startsWith("symbols: must list at least one symbol");
        assertThat(Replies.post(client, "/api/signals", "{\"symbols\": [\"AAPL\", null]}").errors())
                .containsExactly("symbols[1]: must be a symbol, not null");
        assertThat(Replies.post(client, "/api/signals", "{\"symbols\": [\"AAPL\"], \"timeframes\": \"5Min\"}").errors())
                .singleElement().asString().startsWith("timeframes: unknown field");
        assertThat(Replies.post(client, "/api/signals", "{\"symbols\": [\"A\", \"B\", \"C\", \"D\"]}").errors())
                .containsExactly("symbols: lists 4 symbols; at most 3 are accepted per request");
        assertThat(Replies.post(client, "/api/signals", "{\"symbols\": \"AAPL\"}").status()).isEqualTo(400);
        assertThat(signalCount()).isEqualTo(before);
    }

    @Test
    void getRefusesUnknownSymbolsSymbolsWithoutBarsAndBadTimeframes() {
        int before = signalCount();

        assertThat(Replies.get(client, "/api/signals/NOPE").status()).isEqualTo(404);
        Replies noBars = Replies.get(client, "/api/signals/EMPTY");
        assertThat(noBars.status()).isEqualTo(409);
        assertThat(noBars.json().path("detail").asText()).contains("No 1Min bars of EMPTY");
        Replies badTimeframe = Replies.get(client, "/api/signals/AAPL?timeframe=1Week");
        assertThat(badTimeframe.errors()).as(badTimeframe.body()).singleElement().asString()
                .startsWith("timeframe: unknown timeframe");
        assertThat(Replies.get(client, "/api/signals/AAPL?limit=5").status()).isEqualTo(400);
        assertThat(signalCount()).isEqualTo(before);
    }

    /** The signal the engine gives on the configured number of latest stored bars, with the default rules. */
    private static Signal expected(String symbol, Timeframe timeframe) {
        List<Bar> bars = new BarStore(CONTEXT.db()).latest(symbol, timeframe, Instant.now(), SIGNAL_BARS);
        return new SignalEngine(new IndicatorEngine()).evaluate(BarSeries.of(bars), SignalRules.defaults());
    }

    private static int signalCount() {
        return CONTEXT.db().read("test.count", ctx -> ctx.fetchCount(SIGNAL));
    }
}
