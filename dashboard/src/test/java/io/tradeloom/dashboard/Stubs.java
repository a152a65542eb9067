package io.tradeloom.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.tradeloom.platform.ServiceId;

/**
 * WireMock stand-ins for coordination (cycles, auto-trading), paper trading and reporting in the API
 * tests, answering in the shapes those services really give (Alpaca's Trading API v2 on /v2;
 * coordination's CycleStore.Cycle; trading's /api/risk; reporting's reports and backtests), each with
 * health and /api/info like a real service. Scenarios give them state: a cycle run, an order
 * cancelled, a position closed, a backtest run.
 */
final class Stubs {

    private Stubs() {
    }

    static WireMockServer server(ServiceId id) {
        WireMockServer s = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        s.start();
        s.stubFor(get(urlPathEqualTo("/observe/health")).willReturn(okJson("""
                {"status": "UP", "checks": [{"name": "database", "status": "UP"}]}""")));
        s.stubFor(get(urlPathEqualTo("/api/info")).willReturn(okJson("""
                {"name": "%s", "display_name": "%s", "version": "stub", "uptime_seconds": 42,
                 "started_at": "2026-11-24T10:00:00Z"}""".formatted(id.module(), id.displayName()))));
        return s;
    }

    static URI url(WireMockServer s) {
        return URI.create("http://127.0.0.1:" + s.port());
    }

    /** Coordination: auto-trading off, no cycles until one is run; then one cycle with its decisions. */
    static WireMockServer coordination() {
        WireMockServer s = server(ServiceId.COORDINATION);
        // Its breakers as the platform's metrics print them: news has failed often enough to be open.
        s.stubFor(get(urlPathEqualTo("/observe/metrics")).willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("""
                        # TYPE client_breaker_state gauge
                        client_breaker_state{scope="application",target="news"} 2.0
                        client_breaker_state{scope="application",target="trading"} 0.0
                        client_breaker_state{scope="application",target="scanner"} 1.0
                        """)));
        s.stubFor(get(urlPathEqualTo("/api/autotrade")).willReturn(okJson("{\"enabled\": false, \"updated_at\": null}")));
        s.stubFor(post(urlPathEqualTo("/api/autotrade")).willReturn(okJson("{\"enabled\": true, \"updated_at\": \"2026-11-24T15:31:00Z\"}")));
        s.stubFor(get(urlPathEqualTo("/api/cycles")).inScenario("cycles").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"cycles\": []}")));
        s.stubFor(post(urlPathEqualTo("/api/cycles")).inScenario("cycles").whenScenarioStateIs(STARTED)
                .willSetStateTo("ran").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(CYCLE)));
        // As coordination lists cycles: without their steps and decisions, which only GET /api/cycles/{id} gives.
        s.stubFor(get(urlPathEqualTo("/api/cycles")).inScenario("cycles").whenScenarioStateIs("ran")
                .willReturn(okJson("{\"cycles\": [" + CYCLE_LISTED + "]}")));
        s.stubFor(get(urlPathEqualTo("/api/cycles/7")).willReturn(okJson(CYCLE)));
        return s;
    }

    /** A finished cycle as coordination's POST /api/cycles and GET /api/cycles/{id} answer it (CycleStore.Cycle). */
    static final String CYCLE = """
            {"id": 7, "trigger": "MANUAL", "strategy": "default", "status": "COMPLETED",
             "started_at": "2026-11-24T15:30:00Z", "finished_at": "2026-11-24T15:30:02Z", "market_time": "2026-11-24T15:30:00Z",
             "degraded_services": [], "entries_blocked": null, "timings": {"scan": 120}, "candidates": 2, "orders": 1,
             "error": null, "steps": [],
             "decisions": [
               {"symbol": "AAPL", "decision": "BUY", "score": 0.62, "inputs": {},
                "reasons": ["signal BUY with score 0.62", "bullish engulfing at 15:25", "risk: within limits"],
                "client_order_id": "c-7-AAPL", "order_status": "FILLED", "order_result": null},
               {"symbol": "TSLA", "decision": "SKIP", "score": 0.05, "inputs": {}, "reasons": ["signal HOLD with score 0.05"],
                "client_order_id": null, "order_status": null, "order_result": null}]}""";

    static final String CYCLE_LISTED = CYCLE.substring(0, CYCLE.indexOf("\"decisions\"")) + "\"decisions\": []}";

    /** Paper trading: an account, one AAPL position, one open MSFT order; cancel and close change them. */
    static WireMockServer trading() {
        WireMockServer s = server(ServiceId.TRADING);
        s.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(okJson("""
                {"id": "acc-1", "account_number": "PA0001", "status": "ACTIVE", "currency": "USD",
                 "cash": "91234.50", "equity": "100512.25", "buying_power": "182469.00",
                 "portfolio_value": "100512.25", "pattern_day_trader": false}""")));
        s.stubFor(get(urlPathEqualTo("/v2/positions")).inScenario("positions").whenScenarioStateIs(STARTED)
                .willReturn(okJson("""
                        [{"asset_id": "a-aapl", "symbol": "AAPL", "exchange": "NASDAQ", "asset_class": "us_equity",
                          "qty": "10", "side": "long", "avg_entry_price": "190.00", "current_price": "191.25",
                          "market_value": "1912.50", "cost_basis": "1900.00", "unrealized_pl": "12.50",
                          "unrealized_plpc": "0.0065789", "qty_available": "10"}]""")));
        s.stubFor(delete(urlPathEqualTo("/v2/positions/AAPL")).inScenario("positions").whenScenarioStateIs(STARTED)
                .willSetStateTo("closed").willReturn(okJson("""
                        {"id": "ord-close", "symbol": "AAPL", "side": "sell", "type": "market", "qty": "10",
                         "filled_qty": "0", "status": "accepted", "time_in_force": "day"}""")));
        s.stubFor(get(urlPathEqualTo("/v2/positions")).inScenario("positions").whenScenarioStateIs("closed")
                .willReturn(okJson("[]")));
        s.stubFor(delete(urlPathEqualTo("/v2/positions")).willReturn(aResponse().withStatus(207)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        s.stubFor(get(urlPathEqualTo("/v2/orders")).inScenario("orders").whenScenarioStateIs(STARTED)
                .willReturn(okJson(order("new"))));
        s.stubFor(delete(urlPathEqualTo("/v2/orders/ord-1")).inScenario("orders").whenScenarioStateIs(STARTED)
                .willSetStateTo("canceled").willReturn(noContent()));
        s.stubFor(get(urlPathEqualTo("/v2/orders")).inScenario("orders").whenScenarioStateIs("canceled")
                .willReturn(okJson(order("canceled"))));
        s.stubFor(get(urlPathEqualTo("/api/risk")).willReturn(okJson("""
                {"state": "NORMAL", "reason": null, "trading_day": "2026-11-24", "day_start_equity": 100000.00,
                 "peak_equity": 100512.25, "equity": 100512.25, "daily_loss_pct": -0.51, "drawdown_pct": 0.00,
                 "limits": {"max_position_pct": 10, "max_open_positions": 5}}""")));
        s.stubFor(post(urlPathEqualTo("/api/risk/reset")).willReturn(okJson("{\"state\": \"NORMAL\", \"reason\": null}")));
        return s;
    }

    private static String order(String status) {
        return """
                [{"id": "ord-1", "client_order_id": "c-1", "symbol": "MSFT", "side": "buy", "type": "limit",
                  "order_type": "limit", "qty": "5", "filled_qty": "0", "limit_price": "400.00",
                  "time_in_force": "day", "status": "%s", "submitted_at": "2026-11-24T15:20:00Z"}]""".formatted(status);
    }

    /** A finished backtest as reporting's GET /api/backtests/{id} answers it. */
    static final String BACKTEST = """
            {"id": "bt-1", "created_at": "2026-11-24T15:40:00Z", "status": "COMPLETED", "strategy": "default",
             "starting_cash": 100000, "final_equity": 100512.25, "bars": 1560, "elapsed_ms": 900, "error": null,
             "links": {"self": "/api/backtests/bt-1", "performance": "/api/reports/performance?backtest=bt-1"}}""";

    /** Reporting: metrics, a short equity curve and one trade; a backtest once one is run (its reports are the same). */
    static WireMockServer reporting() {
        WireMockServer s = server(ServiceId.REPORTING);
        s.stubFor(get(urlPathEqualTo("/api/reports/performance")).willReturn(okJson("""
                {"source": "live", "backtest_id": null, "from": null, "to": null,
                 "overall": {"starting_equity": 100000, "ending_equity": 100512.25, "net_pnl": 512.25, "return_pct": 0.51,
                             "sharpe": 1.2, "max_drawdown_pct": 0.4, "trades": 2, "win_rate_pct": 50},
                 "by_symbol": {}, "by_strategy": {}, "open_positions": []}""")));
        s.stubFor(get(urlPathEqualTo("/api/reports/equity")).willReturn(okJson("""
                {"points": [{"time": "2026-11-20T21:00:00Z", "equity": 100000}, {"time": "2026-11-21T21:00:00Z", "equity": 100400},
                            {"time": "2026-11-23T21:00:00Z", "equity": 100000}, {"time": "2026-11-24T21:00:00Z", "equity": 100512.25}]}""")));
        s.stubFor(get(urlPathEqualTo("/api/reports/trades")).willReturn(okJson("""
                {"source": "live", "trades": [{"symbol": "AAPL", "strategy": "default", "side": "long", "qty": 10,
                             "entry_time": "2026-11-21T15:00:00Z", "exit_time": "2026-11-21T16:00:00Z",
                             "entry_price": 188.00, "exit_price": 189.20, "gross_pnl": 12.00, "commission": 0,
                             "net_pnl": 12.00, "return_pct": 0.64, "holding_seconds": 3600}]}""")));
        s.stubFor(get(urlPathEqualTo("/api/reports/daily")).willReturn(okJson("{\"days\": []}")));
        s.stubFor(get(urlPathEqualTo("/api/backtests")).inScenario("backtests").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"backtests\": []}")));
        s.stubFor(post(urlPathEqualTo("/api/backtests")).inScenario("backtests").whenScenarioStateIs(STARTED)
                .willSetStateTo("ran").willReturn(aResponse().withStatus(202)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"id": "bt-1", "status": "RUNNING", "links": {"self": "/api/backtests/bt-1"}}""")));
        s.stubFor(get(urlPathEqualTo("/api/backtests")).inScenario("backtests").whenScenarioStateIs("ran")
                .willReturn(okJson("{\"backtests\": [" + BACKTEST + "]}")));
        s.stubFor(get(urlPathEqualTo("/api/backtests/bt-1")).willReturn(okJson(BACKTEST)));
        return s;
    }
}
