package io.tradeloom.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.http.Json;
import io.tradeloom.reporting.performance.EquityPoint;
import io.tradeloom.reporting.performance.Fill;
import io.tradeloom.reporting.performance.HandFixture;
import io.tradeloom.testkit.TestContexts;

/**
 * Reports over the live paper account, read from the trading service's Alpaca-compatible API (WireMock serving
 * Alpaca's documented shapes): FILL activities over three pages, FEE activities carrying order_id, the orders'
 * client_order_ids, the portfolio history. The account is the hand-computed fixture, so the numbers are known.
 */
@ServerTest
class LiveReportsApiTest {

    private static final WireMockServer TRADING = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    static {
        TRADING.start();
    }

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.REPORTING, "live", Map.of(
            "trading.url", "http://127.0.0.1:" + TRADING.port(),
            "trading.api-key-id", "PKTEST123",
            "trading.api-secret-key", "s3cret-value",
            "reporting.page-size", "5"));

    static {
        stubAccount();
    }

    private final Http1Client client;

    LiveReportsApiTest(Http1Client client) {
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
        TRADING.stop();
    }

    /** The fixture as the trading service would show it: order ids o1..o12, one FEE per order, 13 fills on 3 pages. */
    private static void stubAccount() {
        List<Fill> fills = HandFixture.fills();
        List<ObjectNode> activities = new ArrayList<>();
        Map<String, BigDecimal> fees = new LinkedHashMap<>();
        Map<String, ObjectNode> orders = new LinkedHashMap<>();
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            ObjectNode a = Json.MAPPER.createObjectNode();
            a.put("id", "20261102000000000::act-" + i);
            a.put("activity_type", "FILL");
            a.put("transaction_time", f.time().toString());
            a.put("type", "fill");
            a.put("price", f.price().toPlainString());
            a.put("qty", f.qty().toPlainString());
            a.put("side", f.side().name().toLowerCase());
            a.put("symbol", f.symbol());
            a.put("leaves_qty", "0");
            a.put("order_id", f.orderKey());
            a.put("cum_qty", f.qty().toPlainString());
            a.put("order_status", "filled");
            activities.add(a);
            fees.merge(f.orderKey(), f.commission(), BigDecimal::add);
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("id", f.orderKey());
            o.put("client_order_id", f.clientOrderId());
            o.put("submitted_at", f.time().toString());
            o.put("symbol", f.symbol());
            o.put("status", "filled");
            orders.putIfAbsent(f.orderKey(), o);
        }
        for (int page = 0; page * 5 < activities.size(); page++) {
            ArrayNode body = Json.MAPPER.createArrayNode();
            activities.subList(page * 5, Math.min(activities.size(), page * 5 + 5)).forEach(body::add);
            var stub = get(urlPathEqualTo("/v2/account/activities/FILL"))
                    .withHeader("APCA-API-KEY-ID", equalTo("PKTEST123"))
                    .withHeader("APCA-API-SECRET-KEY", equalTo("s3cret-value"))
                    .withQueryParam("direction", equalTo("asc"))
                    .withQueryParam("page_size", equalTo("5"))
                    .withQueryParam("page_token", page == 0 ? absent() : equalTo("20261102000000000::act-" + (page * 5 - 1)));
            TRADING.stubFor(stub.willReturn(okJson(body.toString())));
        }
        ArrayNode feeBody = Json.MAPPER.createArrayNode();
        int n = 0;
        for (var e : fees.entrySet()) {
            if (e.getValue().signum() == 0) {
                continue;
            }
            ObjectNode fee = feeBody.addObject();
            fee.put("id", "20261102000000000::fee-" + n++);
            fee.put("activity_type", "FEE");
            fee.put("date", "2026-11-02");
            fee.put("net_amount", e.getValue().negate().toPlainString());
            fee.put("symbol", orders.get(e.getKey()).path("symbol").asText());
            fee.put("description", "commission");
            fee.put("order_id", e.getKey());
        }
        // 10 fees (o8 and o9 cost nothing): two full pages of 5, then an empty one ends the listing.
        for (int page = 0; page * 5 <= feeBody.size(); page++) {
            ArrayNode body = Json.MAPPER.createArrayNode();
            for (int i = page * 5; i < Math.min(feeBody.size(), page * 5 + 5); i++) {
                body.add(feeBody.get(i));
            }
            TRADING.stubFor(get(urlPathEqualTo("/v2/account/activities/FEE"))
                    .withHeader("APCA-API-KEY-ID", equalTo("PKTEST123"))
                    .withQueryParam("page_token", page == 0 ? absent() : equalTo("20261102000000000::fee-" + (page * 5 - 1)))
                    .willReturn(okJson(body.toString())));
        }
        // Orders: pages of 5, each after the previous page's last submitted_at (12 orders: 5, 5, 2).
        List<ObjectNode> orderList = new ArrayList<>(orders.values());
        for (int page = 0; page * 5 < orderList.size(); page++) {
            ArrayNode body = Json.MAPPER.createArrayNode();
            orderList.subList(page * 5, Math.min(orderList.size(), page * 5 + 5)).forEach(body::add);
            TRADING.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("all"))
                    .withQueryParam("limit", equalTo("5"))
                    .withQueryParam("after", page == 0 ? absent() : equalTo(orderList.get(page * 5 - 1).path("submitted_at").asText()))
                    .willReturn(okJson(body.toString())));
        }
        ObjectNode history = Json.MAPPER.createObjectNode();
        ArrayNode ts = history.putArray("timestamp");
        ArrayNode eq = history.putArray("equity");
        ArrayNode pl = history.putArray("profit_loss");
        ArrayNode pct = history.putArray("profit_loss_pct");
        for (EquityPoint p : HandFixture.equity()) {
            ts.add(p.time().getEpochSecond());
            eq.add(p.equity());
            pl.add(p.equity().subtract(BigDecimal.valueOf(10000)));
            pct.add(0);
        }
        history.put("base_value", 10000);
        history.put("timeframe", "1Min");
        TRADING.stubFor(get(urlPathEqualTo("/v2/account/portfolio/history"))
                .withQueryParam("timeframe", equalTo("1Min")).willReturn(okJson(history.toString())));
    }

    @Test
    void performanceOfThePaperAccountIsTheHandCalculation() {
        Replies r = Replies.get(client, "/api/reports/performance");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("source").asText()).isEqualTo("live");
        JsonNode overall = json.path("overall");
        assertThat(overall.path("net_pnl").decimalValue()).isEqualByComparingTo("370");
        assertThat(overall.path("trades").asInt()).isEqualTo(7);
        assertThat(overall.path("commissions").decimalValue()).isEqualByComparingTo("10");
        assertThat(overall.path("sharpe").decimalValue()).isEqualByComparingTo("13.829624");
        assertThat(overall.path("expectancy").decimalValue()).isEqualByComparingTo("52.8571");
        assertThat(json.path("by_strategy").path("momo").path("net_pnl").decimalValue()).isEqualByComparingTo("194");
        assertThat(json.path("by_strategy").path("manual").path("trades").asInt()).isEqualTo(1);
        assertThat(json.path("by_symbol").path("MSFT").path("commissions").decimalValue()).isEqualByComparingTo("4");
        TRADING.verify(getRequestedFor(urlPathEqualTo("/v2/account/activities/FILL"))
                .withQueryParam("page_token", equalTo("20261102000000000::act-9")));
    }

    @Test
    void tradesOfThePaperAccountCarryTheOrdersClientIdsAndTheirFees() {
        JsonNode trades = Replies.get(client, "/api/reports/trades?source=live&to=2026-11-05T00:00:00Z").json().path("trades");

        assertThat(trades).hasSize(7);
        assertThat(trades.get(5).path("entry_order").asText()).isEqualTo("rev:2:MSFT:entry");
        assertThat(trades.get(5).path("commission").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(trades.get(6).path("commission").decimalValue()).isEqualByComparingTo("1.00");
        TRADING.verify(getRequestedFor(urlPathEqualTo("/v2/account/activities/FILL"))
                .withQueryParam("until", equalTo("2026-11-05T00:00:00Z")));
    }

    @Test
    void aFailingTradingServiceIsABadGatewayNotAnInternalError() {
        StubMapping down = TRADING.stubFor(get(urlPathEqualTo("/v2/account/portfolio/history")).atPriority(1)
                .willReturn(serverError().withBody("boom")));
        try {
            Replies r = Replies.get(client, "/api/reports/equity");
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.body()).contains("trading service").doesNotContain("s3cret-value", "Exception");
        } finally {
            TRADING.removeStub(down);
        }
    }
}
