package io.tradeloom.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.TestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Alpaca-compatible order, position, account and clock endpoints over real HTTP and a real SQLite file. */
@ServerTest
class OrdersApiTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.TRADING, "orders",
            Map.of("paper.commission.per-order", "1.00", "risk.max-order-notional", "",
                    "risk.max-position-pct", ""));
    private static final TradingApp APP;

    static {
        Market.open(CONTEXT);
        APP = TradingApp.create(CONTEXT);
    }

    private final Api api;

    OrdersApiTest(Http1Client client) {
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
    }

    private static void quote(String symbol, String bid, String ask) {
        Market.quote(CONTEXT, APP, symbol, bid, ask, 1);
        APP.loop().tick();
    }

    @Test
    void refusesRequestsWithoutTheKeyPair() {
        Api.Reply r = api.send(Method.GET, "/v2/account", null, false);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asInt()).isEqualTo(40110000);
        assertThat(r.json().path("message").asText()).isEqualTo("request is not authorized");
    }

    @Test
    void accountShowsStartingCashAsAlpacaDoes() {
        JsonNode a = api.get("/v2/account").json();
        assertThat(a.path("currency").asText()).isEqualTo("USD");
        assertThat(a.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(a.path("cash").isTextual()).isTrue();
        assertThat(a.path("trading_state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void marketOrderFillsOnTheNextQuoteAndShowsUpEverywhere() {
        quote("AAPL", "189.90", "190.00");
        Api.Reply placed = api.post("/v2/orders", """
                {"symbol": "AAPL", "qty": "10", "side": "buy", "type": "market", "time_in_force": "day",
                 "client_order_id": "default:c1:AAPL:entry"}""");
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        JsonNode o = placed.json();
        String id = o.path("id").asText();
        assertThat(o.path("status").asText()).isEqualTo("new");
        assertThat(o.path("qty").asText()).isEqualTo("10");
        assertThat(o.path("filled_qty").asText()).isEqualTo("0");
        assertThat(o.path("order_class").asText()).isEmpty();

        quote("AAPL", "190.10", "190.20");

        JsonNode filled = api.get("/v2/orders/" + id).json();
        assertThat(filled.path("status").asText()).isEqualTo("filled");
        assertThat(filled.path("filled_avg_price").asText()).isEqualTo("190.2");
        assertThat(api.get("/v2/orders:by_client_order_id?client_order_id=default:c1:AAPL:entry").json()
                .path("id").asText()).isEqualTo(id);

        JsonNode pos = api.get("/v2/positions/AAPL").json();
        assertThat(pos.path("qty").asText()).isEqualTo("10");
        assertThat(pos.path("side").asText()).isEqualTo("long");
        assertThat(pos.path("avg_entry_price").asText()).isEqualTo("190.2");
        assertThat(pos.path("cost_basis").asText()).isEqualTo("1902.00");

        JsonNode fills = api.get("/v2/account/activities/FILL").json();
        assertThat(fills).anySatisfy(f -> {
            assertThat(f.path("order_id").asText()).isEqualTo(id);
            assertThat(f.path("type").asText()).isEqualTo("fill");
            assertThat(f.path("qty").asText()).isEqualTo("10");
            assertThat(f.path("cum_qty").asText()).isEqualTo("10");
            assertThat(f.path("leaves_qty").asText()).isEqualTo("0");
            assertThat(f.path("order_status").asText()).isEqualTo("filled");
        });
        JsonNode fees = api.get("/v2/account/activities?activity_types=FEE").json();
        assertThat(fees).anySatisfy(f -> {
            assertThat(f.path("order_id").asText()).isEqualTo(id);
            assertThat(f.path("net_amount").asText()).isEqualTo("-1.00");
        });

        JsonNode history = api.get("/v2/account/portfolio/history?period=1D&timeframe=1Min").json();
        assertThat(history.path("timestamp").size()).isPositive();
        assertThat(history.path("equity").size()).isEqualTo(history.path("timestamp").size());
    }

    @Test
    void closingHalfAPositionSellsHalf() {
        quote("MSFT", "399.90", "400.00");
        api.post("/v2/orders", """
                {"symbol": "MSFT", "qty": 20, "side": "buy", "type": "market", "time_in_force": "gtc"}""");
        quote("MSFT", "400.00", "400.10");
        Api.Reply close = api.delete("/v2/positions/MSFT?percentage=50");
        assertThat(close.status()).as(close.body()).isEqualTo(200);
        assertThat(close.json().path("side").asText()).isEqualTo("sell");
        assertThat(close.json().path("qty").asText()).isEqualTo("10");
        quote("MSFT", "401.00", "401.10");
        assertThat(api.get("/v2/positions/MSFT").json().path("qty").asText()).isEqualTo("10");
    }

    @Test
    void cancelReplaceAndTheirRefusals() {
        quote("TSLA", "249.90", "250.00");
        String id = api.post("/v2/orders", """
                {"symbol": "TSLA", "qty": "5", "side": "buy", "type": "limit", "limit_price": "200",
                 "time_in_force": "gtc"}""").json().path("id").asText();
        Api.Reply replaced = api.patch("/v2/orders/" + id, """
                {"qty": "6", "limit_price": "201.50"}""");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String newId = replaced.json().path("id").asText();
        assertThat(replaced.json().path("replaces").asText()).isEqualTo(id);
        assertThat(replaced.json().path("limit_price").asText()).isEqualTo("201.5");
        assertThat(api.get("/v2/orders/" + id).json().path("status").asText()).isEqualTo("replaced");

        assertThat(api.delete("/v2/orders/" + newId).status()).isEqualTo(204);
        Api.Reply again = api.delete("/v2/orders/" + newId);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("code").asInt()).isEqualTo(42210000);
        assertThat(api.delete("/v2/orders/no-such-order").status()).isEqualTo(404);
        List<String> closed = new java.util.ArrayList<>();
        api.get("/v2/orders?status=closed&symbols=TSLA").json().forEach(o -> closed.add(o.path("id").asText()));
        assertThat(closed).contains(id, newId);
        List<String> open = new java.util.ArrayList<>();
        api.get("/v2/orders?symbols=TSLA").json().forEach(o -> open.add(o.path("id").asText()));
        assertThat(open).doesNotContain(id, newId);
    }

    @Test
    void aDuplicateClientOrderIdIs422AndWritesNothing() {
        quote("AAPL", "189.90", "190.00");
        String body = """
                {"symbol": "AAPL", "qty": 1, "side": "buy", "type": "limit", "limit_price": "100",
                 "time_in_force": "gtc", "client_order_id": "dup-1"}""";
        assertThat(api.post("/v2/orders", body).status()).isEqualTo(200);
        int orders = Market.orders(CONTEXT);
        Api.Reply dup = api.post("/v2/orders", body);
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.json().path("message").asText()).contains("client_order_id must be unique");
        assertThat(Market.orders(CONTEXT)).isEqualTo(orders);
    }

    static java.util.stream.Stream<String> badBodies() {
        return java.util.stream.Stream.of(
            "{\"symbol\": \"AAPL\", \"qty\": \"-1\", \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 0, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"notional\": 100, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"NOPE\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"limit\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"limit\", \"limit_price\": 1e308, \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1e308, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": \"ten\", \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"limit\", \"limit_price\": \"cheap\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"limit\", \"limit_price\": NaN, \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1.5, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"long\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"iceberg\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"forever\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\", \"order_class\": \"ladder\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\", \"colour\": \"red\"}",
            "{\"symbol\": \"AAPL\", \"qty\": true, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": 42, \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\", \"client_order_id\": \"" + "x".repeat(129) + "\"}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\"",
            "[]",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\", \"order_class\": \"bracket\", \"take_profit\": {\"limit_price\": \"1\"}, \"stop_loss\": {\"stop_price\": \"2\"}}",
            "{\"symbol\": \"AAPL\", \"qty\": 1, \"side\": \"buy\", \"type\": \"market\", \"time_in_force\": \"day\", \"order_class\": \"bracket\", \"take_profit\": {\"limit_price\": \"300\", \"stop\": 1}, \"stop_loss\": {\"stop_price\": \"2\"}}"
        );
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badBodies")
    void badInputIsRefusedWith4xxAndWritesNothing(String body) {
        quote("AAPL", "189.90", "190.00");
        int orders = Market.orders(CONTEXT);
        int ledger = Market.ledger(CONTEXT);
        Api.Reply r = api.post("/v2/orders", body);
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.json().has("code")).as(r.body()).isTrue();
        assertThat(r.json().path("message").asText()).as(r.body()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Market.orders(CONTEXT)).isEqualTo(orders);
        assertThat(Market.ledger(CONTEXT)).isEqualTo(ledger);
    }

    @Test
    void activitiesPageWithPageTokenInEitherDirection() {
        quote("TSLA", "249.90", "250.00");
        for (int i = 0; i < 3; i++) {
            api.post("/v2/orders", """
                    {"symbol": "TSLA", "qty": 1, "side": "buy", "type": "market", "time_in_force": "day"}""");
        }
        quote("TSLA", "250.00", "250.10");
        JsonNode all = api.get("/v2/account/activities?activity_types=FILL,FEE,CSD&direction=asc").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(4);
        assertThat(all.get(0).path("activity_type").asText()).isEqualTo("CSD");
        JsonNode first = api.get("/v2/account/activities?activity_types=FILL,FEE,CSD&direction=asc&page_size=2").json();
        JsonNode second = api.get("/v2/account/activities?activity_types=FILL,FEE,CSD&direction=asc&page_size=2"
                + "&page_token=" + first.get(1).path("id").asText()).json();
        assertThat(List.of(first.get(0).path("id").asText(), first.get(1).path("id").asText(),
                second.get(0).path("id").asText(), second.get(1).path("id").asText()))
                .containsExactly(all.get(0).path("id").asText(), all.get(1).path("id").asText(),
                        all.get(2).path("id").asText(), all.get(3).path("id").asText());
        JsonNode desc = api.get("/v2/account/activities?activity_types=FILL,FEE,CSD&page_size=1").json();
        assertThat(desc.get(0).path("id").asText()).isEqualTo(all.get(all.size() - 1).path("id").asText());
        assertThat(api.get("/v2/account/activities/DIV").status()).isEqualTo(422);
    }

    @Test
    void clockFollowsTheSharedMarketClock() {
        JsonNode c = api.get("/v2/clock").json();
        assertThat(c.path("is_open").asBoolean()).isTrue();
        assertThat(c.path("timestamp").asText()).startsWith("2025-03-03T10:").endsWith("-05:00");
        assertThat(c.path("next_close").asText()).isEqualTo("2025-03-03T16:00-05:00");
    }

    @Test
    void riskIsVisibleAndItsResetNeedsTheToken() {
        JsonNode risk = api.get("/api/risk").json();
        assertThat(risk.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(risk.path("limits").has("max_open_positions")).isTrue();
        assertThat(api.send(Method.POST, "/api/risk/reset", null, false).status()).isEqualTo(401);
        Api.Reply reset = api.post("/api/risk/reset", null);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().path("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void unknownPositionIs404InAlpacasFormat() {
        Api.Reply r = api.get("/v2/positions/NVDA");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("message").asText()).isEqualTo("position does not exist");
    }
}
