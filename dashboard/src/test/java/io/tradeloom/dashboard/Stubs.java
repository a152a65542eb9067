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
 * WireMock stand-ins for the services whose endpoints are still being built (coordination's cycles
 * and auto-trading, paper trading, reporting), answering the agreed
 * contracts (Alpaca's Trading API v2 shapes on /v2; the issues' /api shapes), each with health and
 * /api/info like a real service. Scenarios give them state: a cycle run, an order cancelled, a
 * position closed. Swap each for the real service once it lands.
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
        s.stubFor(get(urlPathEqualTo("/api/autotrade")).willReturn(okJson("{\"enabled\": false}")));
        s.stubFor(post(urlPathEqualTo("/api/autotrade")).willReturn(okJson("{\"enabled\": true}")));
        s.stubFor(get(urlPathEqualTo("/api/cycles")).inScenario("cycles").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"cycles\": []}")));
        s.stubFor(post(urlPathEqualTo("/api/cycles")).inScenario("cycles").whenScenarioStateIs(STARTED)
                .willSetStateTo("ran").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(CYCLE)));
        s.stubFor(get(urlPathEqualTo("/api/cycles")).inScenario("cycles").whenScenarioStateIs("ran")
                .willReturn(okJson("{\"cycles\": [" + CYCLE + "]}")));
        return s;
    }

    static final String CYCLE = """
            {"id": 7, "status": "completed", "trigger": "manual", "started_at": "2026-11-24T15:30:00Z",
             "finished_at": "2026-11-24T15:30:02Z",
             "decisions": [
               {"symbol": "AAPL", "action": "BUY", "quantity": 10,
                "reasons": ["signal BUY with score 0.62", "bullish engulfing at 15:25", "risk: within limits"]},
               {"symbol": "TSLA", "action": "SKIP", "reasons": ["signal HOLD with score 0.05"]}]}""";

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
                {"state": "normal", "reason": "within limits", "daily_loss_limit": "2000.00", "daily_pnl": "12.50"}""")));
        s.stubFor(post(urlPathEqualTo("/api/risk/reset")).willReturn(okJson("{\"state\": \"normal\", \"reason\": \"reset by the user\"}")));
        return s;
    }

    private static String order(String status) {
        return """
                [{"id": "ord-1", "client_order_id": "c-1", "symbol": "MSFT", "side": "buy", "type": "limit",
                  "order_type": "limit", "qty": "5", "filled_qty": "0", "limit_price": "400.00",
                  "time_in_force": "day", "status": "%s", "submitted_at": "2026-11-24T15:20:00Z"}]""".formatted(status);
    }

    static final String BACKTEST = """
            {"id": "bt-1", "status": "completed", "symbols": ["AAPL", "MSFT"], "timeframe": "5Min",
             "start": "2026-10-25", "end": "2026-11-24", "initial_cash": 100000}""";

    /** Reporting: metrics, a short equity curve and one trade; a backtest once one is run (its reports are the same). */
    static WireMockServer reporting() {
        WireMockServer s = server(ServiceId.REPORTING);
        s.stubFor(get(urlPathEqualTo("/api/reports/performance")).willReturn(okJson("""
                {"metrics": {"total_return": 0.0051, "sharpe": 1.2, "max_drawdown": -0.004, "win_rate": 0.5, "trades": 2}}""")));
        s.stubFor(get(urlPathEqualTo("/api/reports/equity")).willReturn(okJson("""
                {"points": [{"time": "2026-11-20T21:00:00Z", "equity": 100000}, {"time": "2026-11-21T21:00:00Z", "equity": 100400},
                            {"time": "2026-11-23T21:00:00Z", "equity": 100000}, {"time": "2026-11-24T21:00:00Z", "equity": 100512.25}]}""")));
        s.stubFor(get(urlPathEqualTo("/api/reports/trades")).willReturn(okJson("""
                {"trades": [{"symbol": "AAPL", "side": "long", "qty": 10, "entry_price": "188.00", "exit_price": "189.20",
                             "pnl": "12.00", "opened_at": "2026-11-21T15:00:00Z", "closed_at": "2026-11-21T16:00:00Z"}]}""")));
        s.stubFor(get(urlPathEqualTo("/api/reports/daily")).willReturn(okJson("{\"days\": []}")));
        s.stubFor(get(urlPathEqualTo("/api/backtests")).inScenario("backtests").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"backtests\": []}")));
        s.stubFor(post(urlPathEqualTo("/api/backtests")).inScenario("backtests").whenScenarioStateIs(STARTED)
                .willSetStateTo("ran").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody(BACKTEST)));
        s.stubFor(get(urlPathEqualTo("/api/backtests")).inScenario("backtests").whenScenarioStateIs("ran")
                .willReturn(okJson("{\"backtests\": [" + BACKTEST + "]}")));
        s.stubFor(get(urlPathEqualTo("/api/backtests/bt-1")).willReturn(okJson(BACKTEST)));
        return s;
    }
}
