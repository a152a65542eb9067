package io.tradeloom.coordination;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;

/**
 * Faults injected into whole cycles: a service stopped, one answering slowly, one answering 500 or garbage. Each
 * test asserts what the cycle did and what it recorded: critical services down mean no new entries and why;
 * non-critical ones mean neutral inputs and a degraded cycle; orders are never sent twice.
 */
class FaultToleranceTest {

    private static Cluster cluster;
    private final List<WireMockServer> fakes = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = new Cluster("faults");
        // Warm the JVM and the services up, so the short timeouts below measure the faults, not a cold start.
        Cluster.runCycle(cluster.coordination(Map.of()));
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
        fakes.forEach(WireMockServer::stop);
        fakes.clear();
    }

    private WireMockServer fake() {
        WireMockServer w = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        w.start();
        fakes.add(w);
        return w;
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    // --- non-critical services: the cycle goes on with neutral inputs and records the degradation ---------------

    @Test
    void aStoppedRecognitionServiceGivesNeutralChartInputsAndADegradedCycleThatStillTrades() {
        ServiceKit.RunningService c = cluster.coordination(Map.of("recognition.url", url(Cluster.closedPort())));

        JsonNode cycle = Cluster.runCycle(c);

        assertThat(cycle.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(cycle.path("degraded_services")).extracting(JsonNode::asText).containsExactly("recognition");
        assertThat(cycle.path("entries_blocked").isNull()).isTrue();
        JsonNode step = Cluster.step(cycle, "chart_patterns");
        assertThat(step.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(step.path("detail").asText()).startsWith("20 calls, 20 failed: ").contains("recognition: unreachable");
        int entries = 0;
        for (JsonNode d : cycle.path("decisions")) {
            assertThat(d.path("inputs").path("chart_bias").isNull()).isTrue();
            assertThat(d.path("inputs").path("components").path("chart").decimalValue()).isZero();
            // unreachable, until enough failures open the breaker part-way through the cycle
            assertThat(d.path("inputs").path("missing").path("recognition").asText())
                    .matches("recognition: (unreachable: .*|circuit breaker open)");
            assertThat(d.path("inputs").path("sentiment").decimalValue()).isEqualByComparingTo("0.3");
            if (d.path("decision").asText().startsWith("ENTER")) {
                entries++;
                assertThat(d.path("order_status").asText()).isEqualTo("SUBMITTED");
            }
        }
        assertThat(entries).isPositive();
        assertThat(cycle.path("orders").asInt()).isEqualTo(entries);
    }

    @Test
    void aSlowNewsServiceTimesOutPerCallAndTheCycleGoesOnWithNeutralSentiment() {
        cluster.news.stubFor(get(urlPathMatching("/api/sentiment/.*"))
                .willReturn(okJson("{\"symbol\":\"X\",\"score\":0.9,\"label\":\"positive\",\"count\":1}").withFixedDelay(3_000)));
        ServiceKit.RunningService c = cluster.coordination(Map.of("client.news.timeout-ms", "300", "client.news.retries", "0"));

        JsonNode cycle = Cluster.runCycle(c);

        assertThat(cycle.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(cycle.path("degraded_services")).extracting(JsonNode::asText).containsExactly("news");
        JsonNode step = Cluster.step(cycle, "sentiment");
        assertThat(step.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(step.path("detail").asText()).contains("news: timed out");
        // the calls ran in parallel and each gave up at its timeout, far before the 3 s answers
        assertThat(step.path("duration_ms").decimalValue()).isLessThan(new java.math.BigDecimal("2500"));
        for (JsonNode d : cycle.path("decisions")) {
            assertThat(d.path("inputs").path("sentiment").isNull()).isTrue();
            assertThat(d.path("inputs").path("missing").path("news").asText()).isEqualTo("news: timed out");
        }
    }

    @Test
    void aNewsServiceAnswering500IsDegradedAndItsBreakerOpensSoTheNextCycleDoesNotCallIt() {
        cluster.news.stubFor(get(urlPathMatching("/api/sentiment/.*")).willReturn(aResponse().withStatus(500).withBody("boom")));
        ServiceKit.RunningService c = cluster.coordination(Map.of("client.news.retries", "0"));

        JsonNode first = Cluster.runCycle(c);
        int calledFirst = cluster.news.findAll(getRequestedFor(urlPathMatching("/api/sentiment/.*"))).size();
        JsonNode second = Cluster.runCycle(c);
        int calledSecond = cluster.news.findAll(getRequestedFor(urlPathMatching("/api/sentiment/.*"))).size() - calledFirst;

        assertThat(first.path("degraded_services")).extracting(JsonNode::asText).containsExactly("news");
        assertThat(Cluster.step(first, "sentiment").path("detail").asText()).contains("news: answered 500");
        assertThat(second.path("degraded_services")).extracting(JsonNode::asText).containsExactly("news");
        assertThat(Cluster.step(second, "sentiment").path("detail").asText()).contains("news: circuit breaker open");
        assertThat(calledSecond).isZero();
        assertThat(second.path("entries_blocked").isNull()).isTrue();
    }

    @Test
    void recognitionAnsweringGarbageIsTreatedAsDown() {
        cluster.recognition.stubFor(get(urlPathMatching("/api/chart-patterns/A.*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>oops</html>")));
        cluster.recognition.stubFor(get(urlPathMatching("/api/chart-patterns/[^A].*"))
                .willReturn(okJson("{\"patterns\": [], \"bias\": 7}")));
        ServiceKit.RunningService c = cluster.coordination(Map.of());

        JsonNode cycle = Cluster.runCycle(c);

        assertThat(cycle.path("degraded_services")).extracting(JsonNode::asText).containsExactly("recognition");
        for (JsonNode d : cycle.path("decisions")) {
            String missing = d.path("inputs").path("missing").path("recognition").asText();
            if (d.path("symbol").asText().startsWith("A")) {
                assertThat(missing).isEqualTo("recognition: answered with a body that is not JSON");
            } else {
                assertThat(missing).isEqualTo("recognition: bias 7 is outside [-1, 1]");
            }
            assertThat(d.path("inputs").path("chart_bias").isNull()).isTrue();
        }
    }

    @Test
    void aSymbolNewsKnowsNothingAboutIsNeutralWithoutDegradingTheCycle() {
        cluster.news.stubFor(get(urlPathMatching("/api/sentiment/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Not found\",\"status\":404}")));
        JsonNode cycle = Cluster.runCycle(cluster.coordination(Map.of()));

        assertThat(cycle.path("degraded_services")).isEmpty();
        assertThat(Cluster.step(cycle, "sentiment").path("status").asText()).isEqualTo("OK");
        assertThat(cycle.path("decisions").get(0).path("inputs").path("missing").path("news").asText())
                .isEqualTo("nothing known (404)");
    }

    // --- critical services: no new entries, and why ---------------------------------------------------------

    @Test
    void aStoppedPatternServiceMeansNoNewEntriesAndSaysWhy() {
        ServiceKit.RunningService pattern = ServiceKit.start(cluster.settings(ServiceId.PATTERN, Map.of()),
                io.tradeloom.pattern.Main::routing);
        ServiceKit.RunningService c = cluster.coordination(Map.of("pattern.url", url(pattern.port()),
                "client.pattern.retries", "0"));
        pattern.stop();

        JsonNode cycle = Cluster.runCycle(c);

        assertThat(cycle.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(cycle.path("entries_blocked").asText()).startsWith("pattern unavailable (20 of 20 calls failed, first ")
                .contains("pattern: unreachable");
        assertThat(Cluster.step(cycle, "candles").path("status").asText()).isEqualTo("FAILED");
        assertNoEntries(cycle);
    }

    @Test
    void aTechnicalServiceAnswering500MeansNoNewEntries() {
        WireMockServer technical = fake();
        technical.stubFor(any(urlPathMatching("/api/signals.*")).willReturn(aResponse().withStatus(500).withBody("down")));
        ServiceKit.RunningService c = cluster.coordination(Map.of("technical.url", url(technical.port()),
                "client.technical.retries", "0"));

        JsonNode cycle = Cluster.runCycle(c);

        assertThat(cycle.path("entries_blocked").asText()).isEqualTo("technical unavailable (technical: answered 500)");
        assertThat(Cluster.step(cycle, "signals").path("status").asText()).isEqualTo("FAILED");
        for (JsonNode d : cycle.path("decisions")) {
            assertThat(d.path("decision").asText()).isEqualTo("HOLD");
            assertThat(d.path("inputs").path("missing").path("technical").asText()).isEqualTo("technical: answered 500");
        }
        assertNoEntries(cycle);
    }

    @Test
    void aScannerSlowerThanTheCycleDeadlineMeansNoCandidatesAndNoEntries() {
        WireMockServer scanner = fake();
        scanner.stubFor(post("/api/scan").willReturn(okJson("{\"candidates\": []}").withFixedDelay(5_000)));
        ServiceKit.RunningService c = cluster.coordination(Map.of("scanner.url", url(scanner.port()),
                "cycle.deadline-ms", "500"));

        long start = System.nanoTime();
        JsonNode cycle = Cluster.runCycle(c);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(cycle.path("entries_blocked").asText()).isEqualTo("scanner unavailable (no answer within the cycle deadline)");
        assertThat(Cluster.step(cycle, "scan").path("status").asText()).isEqualTo("FAILED");
        assertThat(cycle.path("decisions")).isEmpty();
        assertThat(tookMillis).isLessThan(4_000);
    }

    @Test
    void aStoppedTradingServiceMeansNoOrdersAtAll() {
        ServiceKit.RunningService c = cluster.coordination(Map.of("trading.url", url(Cluster.closedPort()),
                "client.trading.retries", "0"));

        JsonNode cycle = Cluster.runCycle(c);

        assertThat(cycle.path("entries_blocked").asText()).startsWith("trading unavailable (trading: unreachable");
        assertThat(Cluster.step(cycle, "account").path("status").asText()).isEqualTo("FAILED");
        assertThat(Cluster.step(cycle, "positions").path("status").asText()).isEqualTo("FAILED");
        assertNoEntries(cycle);
    }

    @Test
    void aBlockedTradingAccountMeansNoNewEntries() {
        cluster.trading.stubFor(get("/v2/account").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(okJson(Cluster.account("100000", "200000").replace("\"trading_blocked\": false", "\"trading_blocked\": true"))));

        JsonNode cycle = Cluster.runCycle(cluster.coordination(Map.of()));

        assertThat(cycle.path("entries_blocked").asText()).isEqualTo("the trading account is blocked");
        assertNoEntries(cycle);
    }

    private static void assertNoEntries(JsonNode cycle) {
        assertThat(cycle.path("orders").asInt()).isZero();
        for (JsonNode d : cycle.path("decisions")) {
            assertThat(d.path("decision").asText()).isNotIn("ENTER_LONG", "ENTER_SHORT");
            assertThat(d.path("client_order_id").isNull()).isTrue();
        }
        assertThat(cycle.path("decisions").findValuesAsText("reasons").size()).isGreaterThanOrEqualTo(0);
        cluster.trading.verify(0, postRequestedFor(urlPathEqualTo("/v2/orders")));
    }

    // --- orders: never twice ------------------------------------------------------------------------------

    @Test
    void anOrderWhoseAnswerIsLostIsLookedUpByItsClientOrderIdNotSentAgain() {
        cluster.trading.stubFor(post("/v2/orders").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(okJson(Cluster.ORDER_ECHO).withFixedDelay(3_000)));
        cluster.trading.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).atPriority(1)
                .withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(okJson("{\"id\": \"61e69015-8549-4bfd-b9c3-01e75843f47d\", "
                        + "\"client_order_id\": \"{{request.query.client_order_id}}\", \"status\": \"accepted\"}")));
        ServiceKit.RunningService c = cluster.coordination(Map.of("client.trading.timeout-ms", "1000"));

        JsonNode cycle = Cluster.runCycle(c);

        int entries = 0;
        for (JsonNode d : cycle.path("decisions")) {
            if (!d.path("decision").asText().startsWith("ENTER")) {
                continue;
            }
            entries++;
            String id = d.path("client_order_id").asText();
            assertThat(d.path("order_status").asText()).isEqualTo("SUBMITTED");
            assertThat(d.path("order_result").path("client_order_id").asText()).isEqualTo(id);
            cluster.trading.verify(1, postRequestedFor(urlPathEqualTo("/v2/orders"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.client_order_id", equalTo(id))));
            cluster.trading.verify(1, getRequestedFor(urlPathEqualTo("/v2/orders:by_client_order_id"))
                    .withQueryParam("client_order_id", equalTo(id)));
        }
        assertThat(entries).isPositive();
        assertThat(cycle.path("orders").asInt()).isEqualTo(entries);
    }

    @Test
    void aRepeatedSubmitIsRefusedByTheBrokerAndRecordedAsAlreadySubmitted() {
        cluster.trading.stubFor(post("/v2/orders").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 40010001, \"message\": \"client_order_id must be unique\"}")));
        cluster.trading.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).atPriority(1)
                .withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(okJson("{\"id\": \"904837e3-3b76-47ec-b432-046db621571b\", "
                        + "\"client_order_id\": \"{{request.query.client_order_id}}\", \"status\": \"filled\"}")));

        JsonNode cycle = Cluster.runCycle(cluster.coordination(Map.of()));

        int entries = 0;
        for (JsonNode d : cycle.path("decisions")) {
            if (d.path("decision").asText().startsWith("ENTER")) {
                entries++;
                assertThat(d.path("order_status").asText()).isEqualTo("ALREADY_SUBMITTED");
                assertThat(d.path("order_result").path("status").asText()).isEqualTo("filled");
            }
        }
        assertThat(entries).isPositive();
        assertThat(cycle.path("orders").asInt()).isZero(); // nothing new was placed
        assertThat(cluster.trading.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")))).hasSize(entries);
    }

    @Test
    void anOrderThatFailsWithA500AndIsUnknownToTheBrokerIsRecordedAsNotPlacedAndNotRetried() {
        cluster.trading.stubFor(post("/v2/orders").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(aResponse().withStatus(500).withBody("internal error")));
        ServiceKit.RunningService c = cluster.coordination(Map.of("client.trading.retries", "3"));

        JsonNode cycle = Cluster.runCycle(c);

        int entries = 0;
        for (JsonNode d : cycle.path("decisions")) {
            if (d.path("decision").asText().startsWith("ENTER")) {
                entries++;
                assertThat(d.path("order_status").asText()).isEqualTo("FAILED");
                // "not placed" once the lookup by client_order_id finds nothing; once the 500s have opened trading's
                // breaker the lookup cannot be made either, and the record says so
                assertThat(d.path("order_result").path("message").asText()).matches("not placed: trading: answered 500"
                        + "|unknown whether placed \\(trading: answered 500; the lookup by client_order_id failed too: "
                        + "trading: circuit breaker open\\); a repeated submit with the same client_order_id cannot trade twice");
            }
        }
        assertThat(entries).isPositive();
        assertThat(cluster.trading.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")))).hasSize(entries);
        assertThat(Cluster.step(cycle, "orders").path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void theBrokersRefusalIsRecordedWithItsMessage() {
        cluster.trading.stubFor(post("/v2/orders").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(Cluster.KEY_ID))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 40310000, \"message\": \"insufficient buying power\"}")));

        JsonNode cycle = Cluster.runCycle(cluster.coordination(Map.of()));

        List<JsonNode> entries = new ArrayList<>();
        cycle.path("decisions").forEach(d -> {
            if (d.path("decision").asText().startsWith("ENTER")) {
                entries.add(d);
            }
        });
        assertThat(entries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.path("order_status").asText()).isEqualTo("REJECTED");
            assertThat(d.path("order_result").path("status").asInt()).isEqualTo(403);
            assertThat(d.path("order_result").path("error").path("message").asText()).isEqualTo("insufficient buying power");
        });
    }
}
