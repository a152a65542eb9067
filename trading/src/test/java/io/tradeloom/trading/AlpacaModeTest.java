package io.tradeloom.trading;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import io.tradeloom.broker.LedgerEntry;
import io.tradeloom.broker.OrderStatus;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BROKER=alpaca against WireMock serving Alpaca's documented order JSON: orders pass the same risk checks, go to
 * Alpaca with the key pair and the client order id, and Alpaca's fills are mirrored into the local ledger; a restart
 * reconciles through orders:by_client_order_id, the open orders and the positions.
 */
@ServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlpacaModeTest {

    private static final WireMockServer ALPACA = new WireMockServer(options().port(0).bindAddress("127.0.0.1"));
    private static final ServiceContext CONTEXT;
    private static final TradingApp APP;

    static {
        ALPACA.start();
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).atPriority(9).willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions")).willReturn(okJson("[]")));
        CONTEXT = TestContexts.context(ServiceId.TRADING, "alpaca", Map.of("broker", "alpaca",
                "alpaca.trading-url", ALPACA.baseUrl(), "alpaca.paper-api-key", "PKTEST",
                "alpaca.paper-api-secret", "alpaca-secret"));
        Market.open(CONTEXT);
        APP = TradingApp.create(CONTEXT);
    }

    private final Api api;

    AlpacaModeTest(Http1Client client) {
        this.api = new Api(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> APP.routing(r));
    }

    @AfterAll
    static void close() {
        TestContexts.close(CONTEXT);
        ALPACA.stop();
    }

    /** An order as Alpaca's documentation shows one. */
    static String alpacaOrder(String id, String clientId, String status, String qty, String filledQty,
                              String avgPrice, String type, String limit) {
        return """
                {"id": "%s", "client_order_id": "%s", "created_at": "2025-03-03T15:00:01.123456Z",
                 "updated_at": "2025-03-03T15:00:02.5Z", "submitted_at": "2025-03-03T15:00:01.2Z",
                 "filled_at": %s, "expired_at": null, "canceled_at": %s, "failed_at": null, "replaced_at": null,
                 "replaced_by": null, "replaces": null, "asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
                 "symbol": "AAPL", "asset_class": "us_equity", "notional": null, "qty": "%s", "filled_qty": "%s",
                 "filled_avg_price": %s, "order_class": "", "order_type": "%s", "type": "%s", "side": "buy",
                 "time_in_force": "day", "limit_price": %s, "stop_price": null, "status": "%s",
                 "extended_hours": false, "legs": null, "trail_percent": null, "trail_price": null, "hwm": null}"""
                .formatted(id, clientId, status.equals("filled") ? "\"2025-03-03T15:00:02.5Z\"" : "null",
                        status.equals("canceled") ? "\"2025-03-03T15:00:03Z\"" : "null", qty, filledQty,
                        avgPrice == null ? "null" : "\"" + avgPrice + "\"", type, type,
                        limit == null ? "null" : "\"" + limit + "\"", status);
    }

    private static void quote() {
        Market.quote(CONTEXT, APP, "AAPL", "189.99", "190.01", 1);
        APP.loop().tick();
    }

    @Test
    @Order(1)
    void ordersGoToAlpacaAfterTheSameRiskChecks() {
        quote();
        ALPACA.stubFor(post(urlPathEqualTo("/v2/orders")).willReturn(
                okJson(alpacaOrder("ord-1", "c-1", "accepted", "10", "0", null, "market", null))));
        Api.Reply r = api.post("/v2/orders", """
                {"symbol": "AAPL", "qty": 10, "side": "buy", "type": "market", "time_in_force": "day",
                 "client_order_id": "c-1"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo("ord-1");
        assertThat(r.json().path("status").asText()).isEqualTo("new");
        ALPACA.verify(1, postRequestedFor(urlPathEqualTo("/v2/orders"))
                .withHeader("APCA-API-KEY-ID", equalTo("PKTEST"))
                .withHeader("APCA-API-SECRET-KEY", equalTo("alpaca-secret"))
                .withRequestBody(matchingJsonPath("$.client_order_id", equalTo("c-1")))
                .withRequestBody(matchingJsonPath("$.qty", equalTo("10"))));

        // 1000 x 190 is over the 50,000 order limit: refused here, never sent.
        Api.Reply refused = api.post("/v2/orders", """
                {"symbol": "AAPL", "qty": 1000, "side": "buy", "type": "market", "time_in_force": "day"}""");
        assertThat(refused.status()).isEqualTo(403);
        ALPACA.verify(1, postRequestedFor(urlPathEqualTo("/v2/orders")));
    }

    @Test
    @Order(2)
    void alpacasFillsAreMirroredIntoTheLedger() {
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("all")).atPriority(1)
                .willReturn(okJson("[" + alpacaOrder("ord-1", "c-1", "partially_filled", "10", "4", "190.1",
                        "market", null) + "]")));
        APP.loop().tick();
        assertThat(APP.broker().order("ord-1").orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("all")).atPriority(1)
                .willReturn(okJson("[" + alpacaOrder("ord-1", "c-1", "filled", "10", "10", "190.16", "market", null)
                        + "]")));
        APP.loop().tick();
        List<LedgerEntry> fills = APP.broker().ledger().stream().filter(e -> e.kind() == LedgerEntry.Kind.FILL).toList();
        assertThat(fills).extracting(LedgerEntry::qty).containsExactly(4L, 6L);
        assertThat(fills.get(0).price()).isEqualByComparingTo("190.10");
        // 10 x 190.16 - 4 x 190.10 = 1141.20 over 6 shares
        assertThat(fills.get(1).price()).isEqualByComparingTo("190.20");
        assertThat(api.get("/v2/positions/AAPL").json().path("qty").asText()).isEqualTo("10");
        assertThat(api.get("/v2/orders/ord-1").json().path("filled_avg_price").asText()).isEqualTo("190.16");
    }

    @Test
    @Order(3)
    void aRestartReconcilesOpenOrdersByClientOrderIdAndComparesPositions() {
        ALPACA.stubFor(post(urlPathEqualTo("/v2/orders")).willReturn(
                okJson(alpacaOrder("ord-2", "c-2", "new", "5", "0", null, "limit", "150"))));
        assertThat(api.post("/v2/orders", """
                {"symbol": "AAPL", "qty": 5, "side": "buy", "type": "limit", "limit_price": "150",
                 "time_in_force": "day", "client_order_id": "c-2"}""").status()).isEqualTo(200);
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id",
                equalTo("c-2")).willReturn(okJson(alpacaOrder("ord-2", "c-2", "canceled", "5", "0", null, "limit", "150"))));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions")).willReturn(okJson("""
                [{"asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "AAPL", "exchange": "NASDAQ",
                  "asset_class": "us_equity", "qty": "10", "avg_entry_price": "190.16", "side": "long",
                  "market_value": "1900.00", "cost_basis": "1901.60", "unrealized_pl": "-1.60",
                  "unrealized_plpc": "-0.0008", "current_price": "190.00", "lastday_price": "189.00",
                  "change_today": "0.0053"}]""")));

        TradingApp restarted = TradingApp.create(CONTEXT);

        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .withQueryParam("client_order_id", equalTo("c-2")));
        assertThat(restarted.broker().order("ord-2").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(restarted.broker().positionQty("AAPL")).isEqualTo(10);
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/positions")));
    }

    @Test
    @Order(4)
    void alpacasRefusalIsPassedOnWithItsStatusAndMessage() {
        ALPACA.stubFor(post(urlPathEqualTo("/v2/orders")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 40310000, \"message\": \"insufficient buying power\"}")));
        Api.Reply r = api.post("/v2/orders", """
                {"symbol": "AAPL", "qty": 1, "side": "buy", "type": "market", "time_in_force": "day"}""");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("message").asText()).isEqualTo("insufficient buying power");
        ALPACA.stubFor(delete(urlPathEqualTo("/v2/orders")).willReturn(okJson("[]")));
    }
}
