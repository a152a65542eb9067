package io.tradeloom.reporting;

import static io.tradeloom.db.schema.Tables.BACKTEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

import io.tradeloom.backtest.BacktestEngine;
import io.tradeloom.backtest.BacktestResult;
import io.tradeloom.backtest.SimFill;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.http.Json;
import io.tradeloom.reporting.backtests.BacktestPlan;
import io.tradeloom.reporting.backtests.BacktestRequest;
import io.tradeloom.reporting.performance.Fill;
import io.tradeloom.reporting.store.BacktestStore;
import io.tradeloom.testkit.TestContexts;

/** POST /api/backtests runs the engine in the background and stores what it would produce in-process; bad requests store nothing. */
@ServerTest
class BacktestsApiTest {

    private static final String TOKEN = "test-token-42";
    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.REPORTING, "backtests",
            Map.of("trading.api-token", TOKEN, "backtests.max-symbols", "3"));
    private static final String REQUEST = """
            {"symbols": ["AAPL", "MSFT"], "start": "2026-03-02", "end": "2026-03-03", "seed": 7,
             "starting_cash": 50000, "costs": {"commission_per_share": 0.005, "slippage_bps": 1},
             "strategy": {"name": "bt", "required_confirmations": 0, "entry_threshold": 0.25}, "lookback_bars": 120}""";

    private final Http1Client client;

    BacktestsApiTest(Http1Client client) {
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
    void aBacktestRunsInTheBackgroundAndStoresExactlyWhatTheEngineProducesInProcess() throws Exception {
        Replies accepted = Replies.post(client, "/api/backtests", REQUEST, TOKEN);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        assertThat(id).matches("bt-[0-9a-f]{12}");
        assertThat(accepted.json().path("links").path("performance").asText()).isEqualTo("/api/reports/performance?backtest=" + id);

        JsonNode done = awaitFinished(id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("bars").asLong()).isEqualTo(2 * 2 * 390); // two symbols, two days: end is included
        assertThat(done.path("strategy").asText()).isEqualTo("bt");
        assertThat(done.path("request").path("seed").asLong()).isEqualTo(7);
        assertThat(done.path("summary").path("starting_equity").decimalValue()).isPositive();

        BacktestPlan plan = BacktestPlan.of(Json.parse(REQUEST.getBytes(StandardCharsets.UTF_8), BacktestRequest.class),
                new BacktestPlan.Limits(3, 400, 200, 42, Path.of("data/replay")), new NyseCalendar());
        BacktestResult inProcess = new BacktestEngine(new NyseCalendar()).run(plan.spec(), plan.feed());
        List<Fill> stored = new BacktestStore(CONTEXT.db()).history(id).fills();
        assertThat(stored).hasSize(inProcess.fills().size());
        for (int i = 0; i < stored.size(); i++) {
            SimFill f = inProcess.fills().get(i);
            Fill s = stored.get(i);
            assertThat(List.of(s.time(), s.symbol(), s.side().name().toLowerCase(), s.qty().longValueExact(), s.clientOrderId()))
                    .isEqualTo(List.of(f.time(), f.symbol(), f.side(), f.qty(), f.clientOrderId()));
            assertThat(s.price()).isEqualByComparingTo(f.price());
            assertThat(s.commission()).isEqualByComparingTo(f.commission());
        }
        assertThat(done.path("final_equity").decimalValue()).isEqualByComparingTo(inProcess.finalEquity());

        Replies report = Replies.get(client, "/api/reports/performance?backtest=" + id);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("overall").path("ending_equity").decimalValue()).isEqualByComparingTo(inProcess.finalEquity());
        JsonNode listed = Replies.get(client, "/api/backtests?limit=10").json().path("backtests");
        assertThat(listed.findValuesAsText("id")).contains(id);
    }

    @Test
    void withoutTheTokenNothingStarts() {
        Replies none = Replies.post(client, "/api/backtests", REQUEST);
        Replies wrong = Replies.post(client, "/api/backtests", REQUEST, "guess");

        assertThat(none.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).isEqualTo("application/problem+json");
        assertThat(wrong.body()).doesNotContain(TOKEN);
    }

    @Test
    void badRequestsNameEveryBadFieldAndStoreNothing() {
        int before = count();

        Replies typo = Replies.post(client, "/api/backtests", "{\"symbol\": [\"AAPL\"], \"start\": \"2026-03-02\", \"end\": \"2026-03-03\"}", TOKEN);
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.errors()).singleElement().asString().startsWith("symbol:");

        Replies bad = Replies.post(client, "/api/backtests", """
                {"symbols": ["AAPL", "NOPE", "AAPL"], "start": "2026-03-05", "end": "2026-03-02", "timeframe": "1Day",
                 "costs": {"slippage_bps": -1}, "strategy": {"entry_treshold": 0.3}, "source": "tape", "lookback_bars": 1,
                 "starting_cash": 0}""", TOKEN);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.errors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder(
                "timeframe", "end", "source", "symbols[2]", "starting_cash", "costs.slippage_bps", "strategy", "lookback_bars");

        Replies tooMany = Replies.post(client, "/api/backtests",
                "{\"symbols\": [\"AAPL\", \"MSFT\", \"NVDA\", \"TSLA\"], \"start\": \"2026-03-02\", \"end\": \"2026-03-03\"}", TOKEN);
        assertThat(tooMany.errors()).singleElement().asString().startsWith("symbols:");

        Replies unknown = Replies.post(client, "/api/backtests",
                "{\"symbols\": [\"ZZZZ\"], \"start\": \"2026-03-02\", \"end\": \"2026-03-03\"}", TOKEN);
        assertThat(unknown.errors()).singleElement().asString().startsWith("symbols[0]:").contains("universe");

        assertThat(count()).isEqualTo(before);
        assertThat(Replies.get(client, "/api/backtests/bt-000000000000").status()).isEqualTo(404);
    }

    private static int count() {
        Integer n = CONTEXT.db().read("count", ctx -> ctx.fetchCount(BACKTEST));
        return n;
    }

    private JsonNode awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode json = Replies.get(client, "/api/backtests/" + id).json();
            if (!json.path("status").asText().equals("RUNNING") || System.nanoTime() > deadline) {
                return json;
            }
            Thread.sleep(200);
        }
    }
}
