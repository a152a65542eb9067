package io.tradeloom.coordination;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.http.Json;

/**
 * Whole cycles across the real scanner, technical and pattern services on the simulated market, with Alpaca's
 * Trading API (and recognition and news) served by WireMock: what is called, what is ordered, what is stored.
 */
class TradingCycleTest {

    private static Cluster cluster;
    private static ServiceKit.RunningService coordination;

    @BeforeAll
    static void start() {
        cluster = new Cluster("cycle");
        coordination = cluster.coordination(Map.of());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void resetStubs() {
        cluster.resetStubs();
    }

    @Test
    void aCycleCallsEveryServiceForEveryCandidateAndStoresStepsInputsAndDecisions() {
        JsonNode cycle = Cluster.runCycle(coordination);

        assertThat(cycle.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(cycle.path("trigger").asText()).isEqualTo("manual");
        assertThat(cycle.path("strategy").asText()).isEqualTo("default");
        assertThat(cycle.path("entries_blocked").isNull()).isTrue();
        assertThat(cycle.path("degraded_services")).isEmpty();
        assertThat(cycle.path("candidates").asInt()).isEqualTo(20);
        List<String> steps = new ArrayList<>();
        cycle.path("steps").forEach(s -> steps.add(s.path("name").asText() + "/" + s.path("status").asText()));
        assertThat(steps).startsWith("scan/OK", "account/OK", "positions/OK", "open_orders/OK", "signals/OK", "candles/OK",
                "chart_patterns/OK", "sentiment/OK", "decide/OK");
        assertThat(Cluster.step(cycle, "candles").path("detail").asText()).isEqualTo("20 calls");
        assertThat(cycle.path("timings").fieldNames()).toIterable()
                .contains("scan", "account", "positions", "open_orders", "signals", "candles", "chart_patterns", "sentiment", "analyse",
                        "decide", "orders", "total");

        assertThat(cycle.path("decisions")).hasSize(20);
        for (JsonNode d : cycle.path("decisions")) {
            JsonNode in = d.path("inputs");
            assertThat(in.path("signal").path("action").asText()).as("%s", d).isIn("BUY", "SELL", "HOLD");
            assertThat(in.path("chart_bias").decimalValue()).isEqualByComparingTo("0.25");
            assertThat(in.path("sentiment").decimalValue()).isEqualByComparingTo("0.3");
            assertThat(in.path("missing")).isEmpty();
            assertThat(d.path("reasons")).isNotEmpty();
        }
        // each service was asked once per candidate (no retries were needed)
        String symbol = cycle.path("decisions").get(0).path("symbol").asText();
        cluster.recognition.verify(1, getRequestedFor(urlPathEqualTo("/api/chart-patterns/" + symbol)));
        cluster.news.verify(1, getRequestedFor(urlPathEqualTo("/api/sentiment/" + symbol)));
        assertThat(cluster.news.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/sentiment/.*"))))
                .hasSize(20);
    }

    @Test
    void everyEntryIsABracketSizedFromRiskWithItsDeterministicClientOrderId() {
        JsonNode cycle = Cluster.runCycle(coordination);
        long id = cycle.path("id").asLong();

        List<LoggedRequest> posted = cluster.trading.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")));
        Map<String, JsonNode> orders = new HashMap<>();
        for (LoggedRequest r : posted) {
            JsonNode o = tree(r.getBodyAsString());
            orders.put(o.path("symbol").asText(), o);
            assertThat(r.getHeader("APCA-API-SECRET-KEY")).isEqualTo(Cluster.SECRET);
        }
        int entries = 0;
        BigDecimal equity = new BigDecimal("100000");
        for (JsonNode d : cycle.path("decisions")) {
            String symbol = d.path("symbol").asText();
            String decision = d.path("decision").asText();
            if (!decision.startsWith("ENTER")) {
                assertThat(orders).as("no order for %s decided %s", symbol, decision).doesNotContainKey(symbol);
                assertThat(d.path("client_order_id").isNull()).isTrue();
                continue;
            }
            entries++;
            String clientOrderId = "default:c" + id + ":" + symbol + ":entry";
            assertThat(d.path("client_order_id").asText()).isEqualTo(clientOrderId);
            assertThat(d.path("order_status").asText()).isEqualTo("SUBMITTED");
            assertThat(d.path("order_result").path("client_order_id").asText()).isEqualTo(clientOrderId);
            JsonNode order = orders.get(symbol);
            assertThat(order).as("order for %s", symbol).isNotNull();
            assertThat(order.path("client_order_id").asText()).isEqualTo(clientOrderId);
            assertThat(order.path("order_class").asText()).isEqualTo("bracket");
            assertThat(order.path("type").asText()).isEqualTo("market");
            assertThat(order.path("side").asText()).isEqualTo(decision.equals("ENTER_LONG") ? "buy" : "sell");

            // The size, independently: the largest whole number of shares that risks at most 0.5 % of equity
            // between the entry and the stop and is worth at most 10 % of equity.
            BigDecimal entry = d.path("inputs").path("price").decimalValue();
            BigDecimal stop = new BigDecimal(order.path("stop_loss").path("stop_price").asText());
            BigDecimal target = new BigDecimal(order.path("take_profit").path("limit_price").asText());
            BigDecimal perShare = entry.setScale(2, RoundingMode.HALF_UP).subtract(stop).abs();
            long qty = Long.parseLong(order.path("qty").asText());
            long byRisk = equity.multiply(new BigDecimal("0.005")).divide(perShare, 0, RoundingMode.FLOOR).longValue();
            long byValue = equity.multiply(new BigDecimal("0.10")).divide(entry.setScale(2, RoundingMode.HALF_UP), 0, RoundingMode.FLOOR).longValue();
            assertThat(qty).as("qty of %s", symbol).isEqualTo(Math.min(byRisk, byValue)).isPositive();
            // stop from the signal's ATR distance, target at 2R on the other side
            JsonNode signal = d.path("inputs").path("signal");
            BigDecimal distance = signal.path("close").decimalValue().subtract(signal.path("suggested_stop").decimalValue()).abs();
            BigDecimal sign = decision.equals("ENTER_LONG") ? BigDecimal.ONE : BigDecimal.ONE.negate();
            BigDecimal e2 = entry.setScale(2, RoundingMode.HALF_UP);
            assertThat(stop).isEqualByComparingTo(e2.subtract(distance.multiply(sign)).setScale(2, RoundingMode.HALF_UP));
            assertThat(target).isEqualByComparingTo(e2.add(distance.multiply(new BigDecimal("2")).multiply(sign)).setScale(2, RoundingMode.HALF_UP));
        }
        assertThat(entries).as("the simulated market gives some entries with the permissive test strategy").isPositive();
        assertThat(posted).hasSize(entries);
        assertThat(cycle.path("orders").asInt()).isEqualTo(entries);
    }

    @Test
    void anOpenPositionIsClosedByTheFlatAtEndOfDayRuleAfterItsBracketIsCancelled() {
        ServiceKit.RunningService flat = cluster.coordination(Map.of("strategy.flat-minutes-before-close", "390",
                "cycle.top-n", "3"));
        cluster.positions("ZZZZ", 10, "12.50", "QQQQ", -5, "40.00");
        cluster.trading.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v2/orders")).atPriority(1)
                .withQueryParam("symbols", com.github.tomakehurst.wiremock.client.WireMock.equalTo("ZZZZ"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("[{\"id\": \"leg-1\", \"symbol\": \"ZZZZ\", \"status\": \"held\"}]")));

        JsonNode cycle = Cluster.runCycle(flat);
        long id = cycle.path("id").asLong();

        JsonNode zzzz = decision(cycle, "ZZZZ");
        assertThat(zzzz.path("decision").asText()).isEqualTo("EXIT");
        assertThat(zzzz.path("reasons").get(0).asText()).startsWith("flat at end of day");
        assertThat(zzzz.path("inputs").path("signal").isNull()).isTrue(); // not in the universe: technical knows nothing
        assertThat(zzzz.path("client_order_id").asText()).isEqualTo("default:c" + id + ":ZZZZ:exit");
        assertThat(zzzz.path("order_status").asText()).as("%s", zzzz).isEqualTo("SUBMITTED");
        cluster.trading.verify(1, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo("/v2/orders/leg-1")));
        Map<String, JsonNode> posted = new HashMap<>();
        cluster.trading.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")))
                .forEach(r -> posted.put(tree(r.getBodyAsString()).path("client_order_id").asText(), tree(r.getBodyAsString())));
        JsonNode sell = posted.get("default:c" + id + ":ZZZZ:exit");
        assertThat(sell.path("side").asText()).isEqualTo("sell");
        assertThat(sell.path("qty").asText()).isEqualTo("10");
        assertThat(sell.path("type").asText()).isEqualTo("market");
        assertThat(sell.has("order_class")).isFalse();
        JsonNode cover = posted.get("default:c" + id + ":QQQQ:exit");
        assertThat(cover.path("side").asText()).isEqualTo("buy");
        assertThat(cover.path("qty").asText()).isEqualTo("5");
        assertThat(cycle.path("candidates").asInt()).isEqualTo(5);
    }

    @Test
    void noSecondEntryIsSentWhileAnEarlierOrderInTheSymbolIsStillOpen() {
        // every symbol of the universe has an accepted, unfilled entry: no position yet, only the open order
        StringBuilder open = new StringBuilder("[");
        JsonNode universe = Cluster.call(cluster.scanner, "GET", "/api/universe", null, null).json().path("symbols");
        for (JsonNode u : universe) {
            open.append(open.length() == 1 ? "" : ",").append("{\"id\": \"").append(java.util.UUID.randomUUID())
                    .append("\", \"symbol\": \"").append(u.path("symbol").asText()).append("\", \"status\": \"accepted\"}");
        }
        cluster.trading.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v2/orders")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(open.append("]").toString())));

        JsonNode cycle = Cluster.runCycle(coordination);

        cluster.trading.verify(0, postRequestedFor(urlPathEqualTo("/v2/orders")));
        assertThat(cycle.path("orders").asInt()).isZero();
        List<JsonNode> held = new ArrayList<>();
        cycle.path("decisions").forEach(d -> {
            assertThat(d.path("decision").asText()).isEqualTo("HOLD");
            if (d.path("reasons").toString().contains("is already open: no second entry")) {
                held.add(d);
            }
        });
        assertThat(held).as("the entries the strategy wanted are held back").isNotEmpty();
    }

    @Test
    void stateChangingRoutesNeedTheBearerTokenAndWriteNothingWithoutIt() {
        int before = Cluster.call(coordination, "GET", "/api/cycles?limit=500", null, null).json().path("cycles").size();

        Cluster.Reply none = Cluster.call(coordination, "POST", "/api/cycles", null, null);
        Cluster.Reply wrong = Cluster.call(coordination, "POST", "/api/cycles", null, "not-the-token");
        Cluster.Reply autotrade = Cluster.call(coordination, "POST", "/api/autotrade", "{\"enabled\": true}", null);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().toString()).doesNotContain(Cluster.TOKEN);
        assertThat(autotrade.status()).isEqualTo(401);
        assertThat(Cluster.call(coordination, "GET", "/api/autotrade", null, null).json().path("enabled").asBoolean()).isFalse();
        assertThat(Cluster.call(coordination, "GET", "/api/cycles?limit=500", null, null).json().path("cycles")).hasSize(before);
        cluster.trading.verify(0, postRequestedFor(urlPathEqualTo("/v2/orders")));
    }

    @Test
    void cyclesAreListedNewestFirstAndShownWithTheirStepsAndDecisions() {
        long first = Cluster.runCycle(coordination).path("id").asLong();
        long second = Cluster.runCycle(coordination).path("id").asLong();

        Cluster.Reply listed = Cluster.call(coordination, "GET", "/api/cycles?limit=2", null, null);
        JsonNode list = listed.json().path("cycles");
        assertThat(list).as("%s", listed).hasSize(2);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(second);
        assertThat(list.get(1).path("id").asLong()).isEqualTo(first);
        assertThat(list.get(0).path("steps")).isEmpty();

        Cluster.Reply one = Cluster.call(coordination, "GET", "/api/cycles/" + first, null, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("decisions")).hasSize(20);
        assertThat(one.json().path("steps")).isNotEmpty();

        assertThat(Cluster.call(coordination, "GET", "/api/cycles/99999", null, null).status()).isEqualTo(404);
        Cluster.Reply bad = Cluster.call(coordination, "GET", "/api/cycles/abc", null, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(Cluster.call(coordination, "GET", "/api/cycles?limit=0", null, null).status()).isEqualTo(400);
        assertThat(Cluster.call(coordination, "GET", "/api/cycles?sort=id", null, null).status()).isEqualTo(400);
        Cluster.Reply unknownField = Cluster.call(coordination, "POST", "/api/cycles", "{\"dry_run\": true}", Cluster.TOKEN);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().toString()).contains("dry_run");
    }

    private static JsonNode decision(JsonNode cycle, String symbol) {
        for (JsonNode d : cycle.path("decisions")) {
            if (d.path("symbol").asText().equals(symbol)) {
                return d;
            }
        }
        throw new AssertionError("no decision for " + symbol);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
