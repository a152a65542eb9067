package io.tradeloom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.http.ApiException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.Replies;

/** The observe endpoints and /api/info every service serves. */
@ServerTest
class ObserveTest {

    private static final ServiceContext CONTEXT = TestContexts.context(ServiceId.PATTERN, "observe");

    private final Http1Client client;

    ObserveTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServiceKit.server(server, CONTEXT);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServiceKit.routing(routing, CONTEXT, (r, c) -> r
                .get("/api/items/{id}", (req, res) ->
                        Json.send(res, java.util.Map.of("id", req.path().pathParameters().get("id"))))
                .get("/api/orders/{id}", (req, res) -> {
                    throw ApiException.notFound("no order " + req.path().pathParameters().get("id"));
                })
                .get("/api/crash", (req, res) -> {
                    throw new IllegalStateException("boom");
                }));
    }

    @AfterAll
    static void close() {
        Path dir = CONTEXT.db().path().getParent();
        CONTEXT.db().close();
        TestContexts.delete(dir);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    @Test
    void healthHasDetailsOfTheDatabaseAndTheCircuitBreakers() {
        Replies r = Replies.get(client, "/observe/health");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode health = r.json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode db = check(health, "database");
        assertThat(db.path("status").asText()).isEqualTo("UP");
        assertThat(db.path("data").path("path").asText()).isEqualTo(CONTEXT.db().path().toString());
        assertThat(db.path("data").path("schema_version").asText()).isEqualTo(io.tradeloom.db.Migrations.status(CONTEXT.db()).latestKnown());
        JsonNode breakers = check(health, "circuit-breakers");
        assertThat(breakers.path("status").asText()).isEqualTo("UP");
        List<String> targets = new java.util.ArrayList<>();
        breakers.path("data").fieldNames().forEachRemaining(targets::add);
        assertThat(targets).containsExactlyInAnyOrder("coordination", "scanner", "technical", "trading",
                "recognition", "news", "reporting", "dashboard");
        assertThat(breakers.path("data").path("scanner").asText()).isEqualTo("CLOSED");
    }

    @Test
    void livenessAndReadinessAreUp() {
        Replies live = Replies.get(client, "/observe/health/live");
        Replies ready = Replies.get(client, "/observe/health/ready");

        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("checks").findValuesAsText("name")).contains("database");
        assertThat(live.json().path("checks").findValuesAsText("name")).contains("circuit-breakers")
                .doesNotContain("database");
    }

    @Test
    void metricsArePrometheusTextWithOneSeriesPerRoute() {
        assertThat(Replies.get(client, "/api/items/a1").status()).isEqualTo(200);
        assertThat(Replies.get(client, "/api/items/b2").status()).isEqualTo(200);
        assertThat(Replies.get(client, "/observe/health/ready").status()).isEqualTo(200); // a database read

        Replies r = Replies.of(client.get("/observe/metrics").header(HeaderValues.ACCEPT_TEXT).request());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        List<String> itemSeries = r.body().lines()
                .filter(l -> l.startsWith("http_requests_seconds_count{"))
                .filter(l -> l.contains("route=\"/api/items/{id}\""))
                .toList();
        assertThat(itemSeries).hasSize(1);
        assertThat(itemSeries.getFirst()).contains("method=\"GET\"", "status=\"200\"");
        assertThat(Double.parseDouble(itemSeries.getFirst().substring(itemSeries.getFirst().lastIndexOf(' ') + 1)))
                .isEqualTo(2.0);
        assertThat(r.body()).doesNotContain("route=\"/api/items/a1\"", "route=\"/api/items/b2\"");
        assertThat(r.body().lines().filter(l -> l.startsWith("db_operations_seconds_count{"))
                .anyMatch(l -> l.contains("operation=\"health\""))).isTrue();
        assertThat(r.body().lines().filter(l -> l.startsWith("client_breaker_state{"))
                .anyMatch(l -> l.contains("target=\"scanner\""))).isTrue();
    }

    @Test
    void failedRequestsAreCountedWithTheStatusTheClientReceived() {
        assertThat(Replies.get(client, "/api/orders/o-1").status()).isEqualTo(404);
        assertThat(Replies.get(client, "/api/orders/o-2").status()).isEqualTo(404);
        assertThat(Replies.get(client, "/api/crash").status()).isEqualTo(500);

        List<String> counts = Replies.get(client, "/observe/metrics").body().lines()
                .filter(l -> l.startsWith("http_requests_seconds_count{"))
                .toList();
        assertThat(counts).filteredOn(l -> l.contains("route=\"/api/orders/{id}\""))
                .singleElement().asString().contains("status=\"404\"");
        assertThat(counts).filteredOn(l -> l.contains("route=\"/api/crash\""))
                .singleElement().asString().contains("status=\"500\"");
    }

    @Test
    void metricsAnswerPrometheusTextWithoutAnAcceptHeader() {
        Replies r = Replies.get(client, "/observe/metrics");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("# TYPE");
    }

    @Test
    void unmatchedPathsShareOneSeries() {
        Replies.get(client, "/api/nothing-here-1");
        Replies.get(client, "/api/nothing-here-2");

        String body = Replies.get(client, "/observe/metrics").body();
        assertThat(body).doesNotContain("nothing-here");
        assertThat(body).contains("route=\"unmatched\"");
    }

    @Test
    void infoDescribesTheServiceOnItsRealPort(WebServer server) {
        Replies r = Replies.get(client, "/api/info");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).contains("application/json");
        JsonNode info = r.json();
        assertThat(info.path("name").asText()).isEqualTo("pattern");
        assertThat(info.path("display_name").asText()).isEqualTo("Pattern Analysis");
        assertThat(info.path("version").asText()).isNotEmpty();
        assertThat(info.path("port").asInt()).isEqualTo(server.port()).isNotZero();
        assertThat(info.path("uptime_seconds").isIntegralNumber()).isTrue();
        assertThat(info.path("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(info.path("database_path").asText()).isEqualTo(CONTEXT.db().path().toString());
        assertThat(info.path("schema_version").asText()).isEqualTo(io.tradeloom.db.Migrations.status(CONTEXT.db()).latestKnown());
        assertThat(info.path("critical").asBoolean()).isTrue();
        assertThat(info.path("environment").asText()).isEqualTo("development");
        assertThat(info.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(info.path("started_at").asText()).endsWith("Z");
    }
}
