package io.tradeloom.coordination;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.Json;

/**
 * The system around coordination, in this process on ephemeral 127.0.0.1 ports over one fresh SQLite file: the
 * real scanner (simulated market), technical and pattern services; WireMock serving Alpaca's documented Trading
 * API v2 JSON for trading, and the recognition and news contracts (those services are being built in parallel).
 * Coordination instances are started against it with any service's URL pointed elsewhere, to inject faults.
 */
public final class Cluster implements AutoCloseable {

    public static final String TOKEN = "test-token";
    public static final String KEY_ID = "PKTEST";
    public static final String SECRET = "test-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final Path dir;
    public final Path database;
    public final ServiceKit.RunningService scanner;
    public final ServiceKit.RunningService technical;
    public final ServiceKit.RunningService pattern;
    public final WireMockServer trading;
    public final WireMockServer recognition;
    public final WireMockServer news;
    private final List<ServiceKit.RunningService> coordinations = new ArrayList<>();

    /**
     * A fixed mid-morning session of the simulated market at real-time speed: the same market in every run, and
     * far from the close (which would stop entries) however long the tests take.
     */
    public static final Map<String, String> STEADY_MARKET = Map.of("market.data", "sim", "sim.start", "2025-03-04T15:00:00Z",
            "sim.speed", "1");

    public Cluster(String prefix) {
        this(prefix, STEADY_MARKET);
    }

    /** With the scanner's market settings, e.g. {@code sim.speed}. */
    public Cluster(String prefix, Map<String, String> market) {
        try {
            dir = Files.createTempDirectory("tradeloom-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(database))) {
            Migrations.migrate(db);
        }
        scanner = ServiceKit.start(settings(ServiceId.SCANNER, market),
                io.tradeloom.scanner.Main::routing);
        technical = ServiceKit.start(settings(ServiceId.TECHNICAL, Map.of()), io.tradeloom.technical.Main::routing);
        pattern = ServiceKit.start(settings(ServiceId.PATTERN, Map.of()), io.tradeloom.pattern.Main::routing);
        trading = wireMock();
        recognition = wireMock();
        news = wireMock();
        resetStubs();
    }

    private static WireMockServer wireMock() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .globalTemplating(true).containerThreads(64).jettyAcceptors(2));
        server.start();
        return server;
    }

    /** The default answers: an empty, active $100,000 account; every order accepted; neutral-positive outside views. */
    public void resetStubs() {
        for (WireMockServer w : List.of(trading, recognition, news)) {
            w.resetAll();
        }
        trading.stubFor(any(urlPathMatching("/v2/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":40110000,\"message\":\"request is not authorized\"}")));
        trading.stubFor(get("/v2/account").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)).willReturn(okJson(account("100000", "200000"))));
        positions();
        trading.stubFor(post("/v2/orders").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .willReturn(okJson(ORDER_ECHO)));
        trading.stubFor(get(urlPathEqualTo("/v2/orders")).atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .willReturn(okJson("[]")));
        trading.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).atPriority(1)
                .withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        trading.stubFor(delete(urlPathMatching("/v2/orders/.*")).atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .willReturn(aResponse().withStatus(204)));
        recognition.stubFor(get(urlPathMatching("/api/chart-patterns/.*"))
                .willReturn(okJson("{\"symbol\":\"{{request.pathSegments.[2]}}\",\"patterns\":[],\"bias\":0.25}")));
        news.stubFor(get(urlPathMatching("/api/sentiment/.*"))
                .willReturn(okJson("{\"symbol\":\"{{request.pathSegments.[2]}}\",\"score\":0.3,\"label\":\"positive\",\"count\":4}")));
    }

    /** Alpaca's order object, echoing the submitted order. */
    public static final String ORDER_ECHO = """
            {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
             "created_at": "{{now}}", "submitted_at": "{{now}}", "asset_class": "us_equity",
             "symbol": "{{jsonPath request.body '$.symbol'}}", "qty": "{{jsonPath request.body '$.qty'}}",
             "filled_qty": "0", "order_class": "{{jsonPath request.body '$.order_class' default='simple'}}",
             "type": "market", "side": "{{jsonPath request.body '$.side'}}", "time_in_force": "day",
             "status": "accepted", "extended_hours": false, "legs": null}""";

    public static String account(String equity, String buyingPower) {
        return """
                {"id": "0d969814-40d6-4b2b-99ac-2e37427f692c", "account_number": "PA1TESTACCT", "status": "ACTIVE",
                 "currency": "USD", "cash": "%1$s", "portfolio_value": "%1$s", "equity": "%1$s", "last_equity": "%1$s",
                 "buying_power": "%2$s", "pattern_day_trader": false, "trading_blocked": false, "transfers_blocked": false,
                 "account_blocked": false, "shorting_enabled": true, "multiplier": "2"}""".formatted(equity, buyingPower);
    }

    /** Answers GET /v2/positions with these positions: symbol, signed qty, average entry. */
    public void positions(Object... symbolQtyEntry) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < symbolQtyEntry.length; i += 3) {
            long qty = ((Number) symbolQtyEntry[i + 1]).longValue();
            json.append(i == 0 ? "" : ",").append("""
                    {"asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "%s", "exchange": "NASDAQ",
                     "asset_class": "us_equity", "avg_entry_price": "%s", "qty": "%d", "qty_available": "0",
                     "side": "%s", "market_value": "0", "cost_basis": "0", "unrealized_pl": "0"}"""
                    .formatted(symbolQtyEntry[i], symbolQtyEntry[i + 2], qty, qty > 0 ? "long" : "short"));
        }
        trading.stubFor(get("/v2/positions").atPriority(1).withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .willReturn(okJson(json.append("]").toString())));
    }

    public Settings settings(ServiceId service, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>();
        o.put("database.path", database.toString());
        o.put("log.dir", dir.resolve("logs").toString());
        o.put("server.port", "0");
        o.putAll(extra);
        return Settings.load(service, o);
    }

    /** The URL overrides pointing coordination at this cluster; {@code extra} may replace any. */
    public Map<String, String> coordinationSettings(Map<String, String> extra) {
        Map<String, String> o = new HashMap<>();
        o.put("scanner.url", "http://127.0.0.1:" + scanner.port());
        o.put("technical.url", "http://127.0.0.1:" + technical.port());
        o.put("pattern.url", "http://127.0.0.1:" + pattern.port());
        o.put("trading.url", "http://127.0.0.1:" + trading.port());
        o.put("recognition.url", "http://127.0.0.1:" + recognition.port());
        o.put("news.url", "http://127.0.0.1:" + news.port());
        o.put("reporting.url", "http://127.0.0.1:" + closedPort());
        o.put("dashboard.url", "http://127.0.0.1:" + closedPort());
        o.put("trading.api-token", TOKEN);
        o.put("trading.api-key-id", KEY_ID);
        o.put("trading.api-secret-key", SECRET);
        o.put("cycle.scan-preset", "");
        o.put("cycle.top-n", "20");
        o.put("cycle.deadline-ms", "20000");
        // Generous: the first calls of a test JVM on a loaded machine are slow; fault tests set their own.
        for (String target : List.of("scanner", "technical", "pattern", "trading", "recognition", "news")) {
            o.put("client." + target + ".timeout-ms", "10000");
        }
        // Permissive, so the simulated market's signals lead to entries the tests can check.
        o.put("strategy.entry-threshold", "0.05");
        o.put("strategy.required-confirmations", "0");
        o.putAll(extra);
        return o;
    }

    public ServiceKit.RunningService coordination(Map<String, String> extra) {
        ServiceKit.RunningService c = ServiceKit.start(settings(ServiceId.COORDINATION, coordinationSettings(extra)), Main::routing);
        coordinations.add(c);
        return c;
    }

    /** A port nobody listens on: what a stopped service looks like. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer: status and JSON body. */
    public record Reply(int status, JsonNode json, String contentType) {
    }

    public static Reply call(ServiceKit.RunningService to, String method, String path, String body, String token) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            req.header("Content-Type", "application/json");
        }
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> res = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = res.body().length == 0 ? null : Json.tree(res.body());
            return new Reply(res.statusCode(), json, res.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /api/cycles with the token: the cycle as stored. */
    public static JsonNode runCycle(ServiceKit.RunningService coordination) {
        Reply r = call(coordination, "POST", "/api/cycles", null, TOKEN);
        if (r.status() != 201) {
            throw new AssertionError("POST /api/cycles answered " + r.status() + ": " + r.json());
        }
        return r.json();
    }

    public static JsonNode step(JsonNode cycle, String name) {
        for (JsonNode s : cycle.path("steps")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name + " in " + cycle.path("steps"));
    }

    @Override
    public void close() {
        coordinations.forEach(ServiceKit.RunningService::stop);
        for (WireMockServer w : List.of(trading, recognition, news)) {
            w.stop();
        }
        for (ServiceKit.RunningService s : List.of(pattern, technical, scanner)) {
            s.stop();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
