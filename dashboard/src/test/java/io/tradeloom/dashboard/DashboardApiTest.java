package io.tradeloom.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.EnumMap;
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
import io.tradeloom.platform.http.Json;

/**
 * The dashboard server over real HTTP, with WireMock standing in for the other services: login,
 * session cookie, CSRF, credentials kept server-side, panels that say why they are empty, actions
 * passed on with their refusals, bad input refused before anything is forwarded, log tails.
 */
class DashboardApiTest {

    private static Fixture fixture;
    private static WireMockServer coordination;
    private static WireMockServer trading;
    private static WireMockServer reporting;
    private static WireMockServer bare;
    private static ServiceKit.RunningService dashboard;

    @BeforeAll
    static void start() throws IOException {
        fixture = new Fixture("api");
        coordination = Stubs.coordination();
        trading = Stubs.trading();
        reporting = Stubs.reporting();
        bare = Stubs.server(ServiceId.RECOGNITION); // healthy, but serves none of its /api yet
        Map<ServiceId, URI> urls = new EnumMap<>(ServiceId.class);
        urls.put(ServiceId.COORDINATION, Stubs.url(coordination));
        urls.put(ServiceId.TRADING, Stubs.url(trading));
        urls.put(ServiceId.REPORTING, Stubs.url(reporting));
        for (ServiceId id : List.of(ServiceId.SCANNER, ServiceId.PATTERN, ServiceId.TECHNICAL, ServiceId.RECOGNITION)) {
            urls.put(id, Stubs.url(bare));
        }
        urls.put(ServiceId.NEWS, Fixture.local(freePort())); // nobody listens: down
        Files.createDirectories(fixture.logs);
        Files.writeString(fixture.logs.resolve("paper_trading.log"), """
                2026-11-24T15:00:00.000Z INFO [trading] Main: started
                2026-11-24T15:00:01.000Z SEVERE [trading] Broker: fill failed for order ord-9
                2026-11-24T15:00:02.000Z INFO [trading] Main: line three
                2026-11-24T15:00:03.000Z INFO [trading] Main: line four
                """);
        dashboard = fixture.dashboard(urls);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.stop();
        }
        for (WireMockServer s : new WireMockServer[] {coordination, trading, reporting, bare}) {
            if (s != null) {
                s.stop();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void resetScenarios() {
        coordination.resetScenarios();
        trading.resetScenarios();
        reporting.resetScenarios();
        coordination.resetRequests();
        trading.resetRequests();
        reporting.resetRequests();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Fixture.Browser browser() {
        return new Fixture.Browser(dashboard.port());
    }

    private static JsonNode json(HttpResponse<String> res) {
        try {
            return Json.tree(res.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + res.body(), e);
        }
    }

    @Test
    void infoAndHealthNeedNoLogin() {
        assertThat(browser().get("/api/info").statusCode()).isEqualTo(200);
        assertThat(browser().get("/observe/health").statusCode()).isEqualTo(200);
        assertThat(browser().get("/login").body()).contains("name=\"password\"");
    }

    @Test
    void withoutASessionPagesRedirectToTheLoginAndTheApiAnswers401() {
        HttpResponse<String> page = browser().get("/");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> api = browser().get("/api/overview");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(browser().get("/api/events").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGetsNoSession() {
        Fixture.Browser b = browser();
        HttpResponse<String> res = b.login("not-the-password");
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(res.body()).contains("Wrong password");
    }

    @Test
    void loginSetsAnHttpOnlySameSiteStrictCookieThatIsNotSecureOverPlainHttp() {
        HttpResponse<String> res = browser().login(Fixture.PASSWORD);
        assertThat(res.statusCode()).isEqualTo(303);
        String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("TL_SESSION=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure");
    }

    @Test
    void theCredentialsNeverReachTheBrowser() {
        Fixture.Browser b = browser().loggedIn();
        for (String path : List.of("/", "/static/app.js", "/api/overview", "/api/session", "/api/info")) {
            String body = b.get(path).body();
            assertThat(body).as(path).doesNotContain(Fixture.TOKEN).doesNotContain(Fixture.SECRET).doesNotContain(Fixture.KEY_ID)
                    .doesNotContain(Fixture.PASSWORD);
        }
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefusedAndNothingIsForwarded() {
        Fixture.Browser b = browser().loggedIn();
        HttpResponse<String> res = b.call("POST", "/api/cycles", "{}", false, Map.of());
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(json(res).path("title").asText()).contains("CSRF");

        HttpResponse<String> wrong = b.call("DELETE", "/api/orders/ord-1", null, false, Map.of("X-CSRF-Token", "forged"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        coordination.verify(0, postRequestedFor(urlPathEqualTo("/api/cycles")));
        trading.verify(0, deleteRequestedFor(urlPathEqualTo("/v2/orders/ord-1")));
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedEvenWithTheToken() {
        Fixture.Browser b = browser().loggedIn();
        HttpResponse<String> res = b.call("POST", "/api/cycles", "{}", true, Map.of("Origin", "http://evil.example"));
        assertThat(res.statusCode()).isEqualTo(403);
        coordination.verify(0, postRequestedFor(urlPathEqualTo("/api/cycles")));
    }

    @Test
    void cancellingAnOrderSendsTheKeyPairToTrading() {
        HttpResponse<String> res = browser().loggedIn().call("DELETE", "/api/orders/ord-1", null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(json(res).path("done").asText()).isEqualTo("cancel order ord-1");
        trading.verify(1, deleteRequestedFor(urlEqualTo("/v2/orders/ord-1"))
                .withHeader("APCA-API-KEY-ID", equalTo(Fixture.KEY_ID))
                .withHeader("APCA-API-SECRET-KEY", equalTo(Fixture.SECRET)));
    }

    @Test
    void closingAPositionAndFlatteningGoToTradingsPositionEndpoints() {
        Fixture.Browser b = browser().loggedIn();
        HttpResponse<String> close = b.call("DELETE", "/api/positions/aapl", null);
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        HttpResponse<String> flatten = b.call("DELETE", "/api/positions", null);
        assertThat(flatten.statusCode()).as(flatten.body() + trading.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl() + " -> " + e.getResponse().getStatus()).toList()).isEqualTo(200);
        trading.verify(1, deleteRequestedFor(urlEqualTo("/v2/positions/AAPL")));
        trading.verify(1, deleteRequestedFor(urlEqualTo("/v2/positions?cancel_orders=true")));
    }

    @Test
    void theNewestCycleIsShownWithTheDecisionsCoordinationsListLeavesOut() throws InterruptedException {
        Fixture.Browser b = browser().loggedIn();
        assertThat(b.call("POST", "/api/cycles", "{}").statusCode()).isEqualTo(200);
        JsonNode cycles = null;
        // The overview is recomputed every half refresh interval (250 ms here).
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
            cycles = json(b.get("/api/overview")).path("trading").path("cycles").path("data").path("cycles");
            if (!cycles.isEmpty()) {
                break;
            }
        }
        assertThat(cycles).hasSize(1);
        JsonNode decisions = cycles.get(0).path("decisions");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).path("symbol").asText()).isEqualTo("AAPL");
        assertThat(decisions.get(0).path("decision").asText()).isEqualTo("BUY");
        coordination.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/api/cycles/7")));
    }

    @Test
    void runningACycleTogglingAutoTradingAndResettingRiskCarryTheBearerToken() {
        Fixture.Browser b = browser().loggedIn();
        HttpResponse<String> cycle = b.call("POST", "/api/cycles", "{}");
        assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(200);
        assertThat(b.call("POST", "/api/autotrade", "{\"enabled\": true}").statusCode()).isEqualTo(200);
        assertThat(b.call("POST", "/api/risk/reset", "{}").statusCode()).isEqualTo(200);
        coordination.verify(1, postRequestedFor(urlEqualTo("/api/cycles")).withHeader("Authorization", equalTo("Bearer " + Fixture.TOKEN)));
        coordination.verify(1, postRequestedFor(urlEqualTo("/api/autotrade"))
                .withHeader("Authorization", equalTo("Bearer " + Fixture.TOKEN))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"enabled\": true}")));
        trading.verify(1, postRequestedFor(urlEqualTo("/api/risk/reset")).withHeader("Authorization", equalTo("Bearer " + Fixture.TOKEN)));
    }

    @Test
    void aBacktestIsPassedToReportingWithTheTokenAndATypoIsRefusedFirst() {
        Fixture.Browser b = browser().loggedIn();
        HttpResponse<String> typo = b.call("POST", "/api/backtests", "{\"symbols\": [\"AAPL\"], \"starting_csh\": 5}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).path("errors").get(0).path("field").asText()).isEqualTo("starting_csh");
        reporting.verify(0, postRequestedFor(urlPathEqualTo("/api/backtests")));

        HttpResponse<String> run = b.call("POST", "/api/backtests", "{\"symbols\": [\"AAPL\"], \"start\": \"2026-10-01\","
                + " \"end\": \"2026-11-01\", \"starting_cash\": 100000}");
        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(json(run).path("id").asText()).isEqualTo("bt-1");
        reporting.verify(1, postRequestedFor(urlEqualTo("/api/backtests"))
                .withHeader("Authorization", equalTo("Bearer " + Fixture.TOKEN))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.starting_cash", equalTo("100000"))));
        JsonNode result = json(b.get("/api/backtests/bt-1"));
        assertThat(result.path("backtest").path("data").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(result.path("reports").path("performance").path("state").asText()).isEqualTo("ok");
        reporting.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/api/reports/performance?backtest=bt-1")));
    }

    @Test
    void aRefusalKeepsTheServicesStatusAndMessage() {
        HttpResponse<String> res = browser().loggedIn().call("DELETE", "/api/orders/unknown-order", null);
        // WireMock answers 404 for an order it has no stub for, as Alpaca does for an unknown id.
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(json(res).path("detail").asText()).startsWith("Paper Trading: ");
    }

    @Test
    void anActionTheServiceDoesNotServeIsA404NamingIt() {
        // The scanner stand-in does not serve POST /api/scan: its 404 comes back as a 404 naming the service.
        HttpResponse<String> res = browser().loggedIn().call("POST", "/api/scan", "{\"preset\": \"top_gainers\"}");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(json(res).path("detail").asText()).startsWith("Security Scanner: ");
    }

    @Test
    void badInputIsRefusedNamingTheFieldBeforeAnythingIsForwarded() {
        Fixture.Browser b = browser().loggedIn();
        HttpResponse<String> typo = b.call("POST", "/api/autotrade", "{\"enabld\": true}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).path("errors").get(0).path("field").asText()).isEqualTo("enabld");

        HttpResponse<String> notBool = b.call("POST", "/api/autotrade", "{\"enabled\": \"yes\"}");
        assertThat(notBool.statusCode()).isEqualTo(400);
        assertThat(json(notBool).path("errors").get(0).path("field").asText()).isEqualTo("enabled");

        HttpResponse<String> symbol = b.get("/api/symbols/%3Cscript%3E");
        assertThat(symbol.statusCode()).isEqualTo(400);
        assertThat(json(symbol).path("errors").get(0).path("field").asText()).isEqualTo("symbol");

        assertThat(b.get("/api/symbols/AAPL?timeframe=2Min").statusCode()).isEqualTo(400);
        // an id that would climb out of /v2/orders matches no route at all
        assertThat(b.call("DELETE", "/api/orders/..%2F..%2Fv2%2Faccount", null).statusCode()).isBetween(400, 404);
        trading.verify(0, deleteRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        coordination.verify(0, postRequestedFor(urlPathEqualTo("/api/autotrade")));
    }

    @Test
    void theOverviewSaysWhichPanelsAreDownOrNotAvailableYet() {
        JsonNode o = json(browser().loggedIn().get("/api/overview"));

        JsonNode services = o.path("system").path("services");
        assertThat(services).hasSize(9);
        assertThat(service(services, "news").path("status").asText()).isEqualTo("DOWN");
        assertThat(service(services, "trading").path("status").asText()).isEqualTo("UP");
        assertThat(service(services, "trading").path("version").asText()).isEqualTo("stub");
        assertThat(service(services, "dashboard").path("status").asText()).isEqualTo("UP");
        assertThat(service(services, "news").path("coordination_breaker").asText()).isEqualTo("OPEN");
        assertThat(service(services, "scanner").path("coordination_breaker").asText()).isEqualTo("HALF_OPEN");
        assertThat(service(services, "trading").path("coordination_breaker").asText()).isEqualTo("CLOSED");
        assertThat(service(services, "trading").path("breaker").asText()).isEqualTo("CLOSED");

        assertThat(o.path("market").path("clock").path("state").asText()).isEqualTo("unavailable");
        assertThat(o.path("market").path("clock").path("problem").asText()).contains("/api/clock").contains("not available yet");
        assertThat(o.path("trading").path("account").path("state").asText()).isEqualTo("ok");
        assertThat(o.path("trading").path("account").path("data").path("equity").asText()).isEqualTo("100512.25");
        assertThat(o.path("trading").path("positions").path("data").get(0).path("symbol").asText()).isEqualTo("AAPL");
        assertThat(o.path("system").path("database").path("schema_version").asText()).isNotEmpty();
        assertThat(o.path("system").path("database").path("size_bytes").asLong()).isPositive();
    }

    @Test
    void theSymbolViewMarksEachPartThatIsDown() {
        JsonNode s = json(browser().loggedIn().get("/api/symbols/AAPL?timeframe=5Min"));
        assertThat(s.path("bars").path("state").asText()).isEqualTo("unavailable");
        assertThat(s.path("news").path("state").asText()).isEqualTo("down");
        assertThat(s.path("news").path("problem").asText()).startsWith("News is down");
    }

    @Test
    void theLogTailAndTheRecentErrorsComeFromTheLogFiles() {
        Fixture.Browser b = browser().loggedIn();
        JsonNode tail = json(b.get("/api/logs/trading?lines=2"));
        assertThat(tail.path("exists").asBoolean()).isTrue();
        assertThat(tail.path("lines")).hasSize(2);
        assertThat(tail.path("lines").get(1).asText()).endsWith("line four");

        assertThat(b.get("/api/logs/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
        JsonNode errors = json(b.get("/api/overview")).path("system").path("errors");
        assertThat(errors.findValuesAsText("message")).contains("Broker: fill failed for order ord-9");
    }

    @Test
    void logoutEndsTheSession() {
        Fixture.Browser b = browser().loggedIn();
        assertThat(b.call("POST", "/logout", null).statusCode()).isEqualTo(303);
        assertThat(b.get("/api/overview").statusCode()).isEqualTo(401);
    }

    @Test
    void theLiveStreamSendsTheOverviewAsServerSentEvents() throws Exception {
        Fixture.Browser b = browser().loggedIn();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(Fixture.local(dashboard.port()).resolve("/api/events"))
                .header("Cookie", b.cookie).build();
        HttpResponse<java.io.InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(res.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("event:overview");
            assertThat(reader.readLine()).startsWith("data:{\"at\":");
        }
    }

    private static JsonNode service(JsonNode services, String name) {
        for (JsonNode s : services) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name);
    }
}
