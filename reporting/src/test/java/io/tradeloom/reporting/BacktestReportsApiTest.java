package io.tradeloom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

import io.tradeloom.backtest.BacktestResult;
import io.tradeloom.backtest.EquitySample;
import io.tradeloom.backtest.SimFill;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.reporting.performance.EquityPoint;
import io.tradeloom.reporting.performance.Fill;
import io.tradeloom.reporting.performance.HandFixture;
import io.tradeloom.reporting.store.BacktestStore;
import io.tradeloom.testkit.TestContexts;

/** The reports over a stored backtest: the hand-computed fixture stored as a backtest, read back over HTTP. */
@ServerTest
class BacktestReportsApiTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.REPORTING, "reports", Map.of());
    private static final String ID = "bt-0123456789ab";
    /** Stored RUNNING before the service started: the service marks it FAILED, as a backtest a restart interrupted. */
    private static final String INTERRUPTED = "bt-00000000000f";

    static {
        BacktestStore store = new BacktestStore(CONTEXT.db());
        store.create(ID, Instant.parse("2026-11-05T00:00:00Z"), "{}", "momo", new BigDecimal("10000"));
        List<SimFill> fills = new ArrayList<>();
        for (Fill f : HandFixture.fills()) {
            fills.add(new SimFill(fills.size() + 1, f.time(), f.symbol(), f.side().name().toLowerCase(), f.qty().longValueExact(),
                    f.price(), f.commission(), f.clientOrderId()));
        }
        List<EquitySample> equity = new ArrayList<>();
        for (EquityPoint p : HandFixture.equity()) {
            equity.add(new EquitySample(p.time(), p.equity(), p.equity()));
        }
        store.complete(ID, new BacktestResult(fills, equity, 1234, new BigDecimal("10370"), 5));
        store.create(INTERRUPTED, Instant.parse("2026-11-05T00:00:01Z"), "{}", "momo", new BigDecimal("10000"));
    }

    private final Http1Client client;

    BacktestReportsApiTest(Http1Client client) {
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
    void performanceOfABacktestIsTheHandCalculationOverallPerSymbolAndPerStrategy() {
        Replies r = Replies.get(client, "/api/reports/performance?backtest=" + ID);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("source").asText()).isEqualTo("backtest");
        assertThat(json.path("backtest_id").asText()).isEqualTo(ID);
        JsonNode overall = json.path("overall");
        assertThat(overall.path("net_pnl").decimalValue()).isEqualByComparingTo("370");
        assertThat(overall.path("sharpe").decimalValue()).isEqualByComparingTo("13.829624");
        assertThat(overall.path("sortino").decimalValue()).isEqualByComparingTo("1122.659085");
        assertThat(overall.path("max_drawdown_pct").decimalValue()).isEqualByComparingTo("3.448276");
        assertThat(overall.path("max_drawdown_duration_seconds").asLong()).isEqualTo(173_100);
        assertThat(overall.path("win_rate_pct").decimalValue()).isEqualByComparingTo("71.428571");
        assertThat(overall.path("profit_factor").decimalValue()).isEqualByComparingTo("2.221122");
        assertThat(overall.path("exposure_pct").decimalValue()).isEqualByComparingTo("50");
        assertThat(overall.path("trades").asInt()).isEqualTo(7);
        assertThat(json.path("by_symbol").path("AAPL").path("net_pnl").decimalValue()).isEqualByComparingTo("194");
        assertThat(json.path("by_strategy").path("manual").path("net_pnl").decimalValue()).isEqualByComparingTo("100");
        assertThat(json.path("by_strategy").path("rev").path("trades").asInt()).isEqualTo(3);
        assertThat(json.path("open_positions").size()).isZero();
    }

    @Test
    void aPeriodNarrowsTheReport() {
        Replies r = Replies.get(client, "/api/reports/performance?backtest=" + ID
                + "&from=2026-11-03T00:00:00Z&to=2026-11-03T23:59:00Z");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("overall").path("net_pnl").decimalValue()).isEqualByComparingTo("-7");
        assertThat(r.json().path("overall").path("trades").asInt()).isEqualTo(3);
        assertThat(r.json().path("from").asText()).isEqualTo("2026-11-03T00:00:00Z");
    }

    @Test
    void equityDailyAndTradesOfABacktest() {
        JsonNode equity = Replies.get(client, "/api/reports/equity?source=backtest&backtest=" + ID).json();
        assertThat(equity.path("points")).hasSize(10);
        assertThat(equity.path("points").get(5).path("drawdown").decimalValue()).isEqualByComparingTo("350");
        assertThat(equity.path("points").get(5).path("peak").decimalValue()).isEqualByComparingTo("10150");

        JsonNode daily = Replies.get(client, "/api/reports/daily?backtest=" + ID).json();
        assertThat(daily.path("days")).hasSize(3);
        assertThat(daily.path("days").get(1).path("date").asText()).isEqualTo("2026-11-03");
        assertThat(daily.path("days").get(1).path("pnl").decimalValue()).isEqualByComparingTo("96");
        assertThat(daily.path("days").get(1).path("trades").asInt()).isEqualTo(3);

        JsonNode trades = Replies.get(client, "/api/reports/trades?backtest=" + ID).json();
        assertThat(trades.path("trades")).hasSize(7);
        JsonNode rt6 = trades.path("trades").get(5);
        assertThat(rt6.path("side").asText()).isEqualTo("long");
        assertThat(rt6.path("entry_price").decimalValue()).isEqualByComparingTo("100.70");
        assertThat(rt6.path("net_pnl").decimalValue()).isEqualByComparingTo("228");
        assertThat(rt6.path("strategy").asText()).isEqualTo("rev");
    }

    @Test
    void tradesAsCsv() {
        Replies r = Replies.get(client, "/api/reports/trades?format=csv&backtest=" + ID);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/csv");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("symbol,strategy,side,qty,entry_time,exit_time");
        assertThat(lines[1]).startsWith("AAPL,momo,long,100,2026-11-02T14:31:00Z,2026-11-02T14:41:00Z,100.00,102.00,200.00,2.00,198.00,");
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        assertThat(Replies.get(client, "/api/reports/performance?backtest=" + ID + "&form=2026-01-01T00:00:00Z").errors())
                .singleElement().asString().startsWith("form:");
        assertThat(Replies.get(client, "/api/reports/performance?backtest=" + ID + "&from=yesterday").errors())
                .singleElement().asString().startsWith("from:");
        assertThat(Replies.get(client, "/api/reports/daily?backtest=" + ID + "&from=2026-11-04T00:00:00Z&to=2026-11-03T00:00:00Z").errors())
                .singleElement().asString().startsWith("to:");
        assertThat(Replies.get(client, "/api/reports/trades?backtest=" + ID + "&format=xml").errors())
                .singleElement().asString().startsWith("format:");
        assertThat(Replies.get(client, "/api/reports/equity?source=backtest").errors())
                .singleElement().asString().startsWith("backtest:");
        assertThat(Replies.get(client, "/api/reports/equity?source=live&backtest=" + ID).errors())
                .singleElement().asString().startsWith("source:");
        Replies bad = Replies.get(client, "/api/reports/equity?source=paper");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anUnknownBacktestIs404AndARunningOrFailedOne409() {
        Replies unknown = Replies.get(client, "/api/reports/performance?backtest=bt-ffffffffffff");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");

        new BacktestStore(CONTEXT.db()).create("bt-00000000000e", Instant.parse("2026-11-05T00:00:02Z"), "{}", "m", BigDecimal.TEN);
        Replies running = Replies.get(client, "/api/reports/trades?backtest=bt-00000000000e");
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.json().path("detail").asText()).contains("still running");

        Replies interrupted = Replies.get(client, "/api/reports/daily?backtest=" + INTERRUPTED);
        assertThat(interrupted.status()).isEqualTo(409);
        assertThat(interrupted.json().path("detail").asText()).contains("failed", "interrupted");
    }
}
