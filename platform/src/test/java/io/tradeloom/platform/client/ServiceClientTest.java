package io.tradeloom.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.TestContexts;
import io.tradeloom.platform.http.Json;

/** {@link ServiceClient} against real local Helidon servers. */
class ServiceClientTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private WebServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private URI serve(java.util.function.Consumer<HttpRouting.Builder> routes) {
        server = WebServer.builder()
                .host("localhost")
                .port(0)
                .shutdownHook(false)
                .routing(routes::accept)
                .build()
                .start();
        return URI.create("http://localhost:" + server.port());
    }

    private static ServiceClient client(URI base, int retries) {
        return client(base, retries, 4);
    }

    private static ServiceClient client(URI base, int retries, int volume) {
        return new ServiceClient(ServiceId.SCANNER, base,
                new Settings.ClientSettings(TIMEOUT, retries, volume, 50, Duration.ofMillis(500), 8),
                Metrics.globalRegistry());
    }

    /** A client whose timeout no loaded machine reaches, for tests about what is sent rather than when. */
    private static ServiceClient patient(URI base, int retries) {
        return new ServiceClient(ServiceId.SCANNER, base,
                new Settings.ClientSettings(Duration.ofSeconds(10), retries, 4, 50, Duration.ofMillis(500), 8),
                Metrics.globalRegistry());
    }

    private static ServiceClient patient(URI base) {
        return patient(base, 0);
    }

    private static void ok(io.helidon.webserver.http.ServerResponse res) {
        Json.send(res, Map.of("ok", true));
    }

    private static void fail500(io.helidon.webserver.http.ServerResponse res) {
        res.status(Status.INTERNAL_SERVER_ERROR_500).send("down");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aGetIsRetriedOn500AndSucceedsOnceTheServerRecovers() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.get("/flaky", (req, res) -> {
            if (hits.incrementAndGet() <= 2) {
                fail500(res);
            } else {
                ok(res);
            }
        }));

        JsonNode body = client(base, 2, 10).getJson("/flaky");

        assertThat(body.path("ok").asBoolean()).isTrue();
        assertThat(hits).hasValue(3);
    }

    @Test
    void aGetIsTriedOncePlusItsRetriesThenFails() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.get("/down", (req, res) -> {
            hits.incrementAndGet();
            fail500(res);
        }));

        ServiceCallException e = catchThrowableOfType(ServiceCallException.class,
                () -> client(base, 3, 10).getJson("/down"));

        assertThat(e).isNotNull().isNotInstanceOf(ServiceRejectedException.class);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.target()).isEqualTo(ServiceId.SCANNER);
        assertThat(e).hasMessageContaining("scanner").hasMessageContaining("500");
        assertThat(hits).hasValue(4);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.get("/down", (req, res) -> {
            hits.incrementAndGet();
            fail500(res);
        }));

        assertThatThrownBy(() -> client(base, 0).getJson("/down")).isInstanceOf(ServiceCallException.class);
        assertThat(hits).hasValue(1);
    }

    @Test
    void aGetThatKeepsTimingOutIsRetriedAndFailsAsTimedOut() {
        // Three attempts of 600 ms take well over a second, Helidon Retry's default overall timeout.
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.get("/slow", (req, res) -> {
            hits.incrementAndGet();
            sleep(1_000);
            ok(res);
        }));
        ServiceClient client = new ServiceClient(ServiceId.SCANNER, base,
                new Settings.ClientSettings(Duration.ofMillis(600), 2, 10, 50, Duration.ofMillis(500), 8),
                Metrics.globalRegistry());

        long start = System.nanoTime();
        ServiceCallException e = catchThrowableOfType(ServiceCallException.class, () -> client.getJson("/slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull().hasMessageContaining("timed out");
        assertThat(hits).hasValue(3);
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aPostIsNeverRetried() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.post("/orders", (req, res) -> {
            hits.incrementAndGet();
            fail500(res);
        }));

        ServiceCallException e = catchThrowableOfType(ServiceCallException.class,
                () -> client(base, 3, 10).postJson("/orders", Map.of("symbol", "AAPL")));

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(500);
        assertThat(hits).hasValue(1);
    }

    @Test
    void aPostSendsSnakeCaseJsonAndReadsTheAnswer() {
        record Order(String symbolName, int qty) {
        }
        URI base = serve(r -> r.post("/orders", (req, res) -> {
            JsonNode in;
            try {
                in = Json.tree(req.content().as(byte[].class));
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
            Json.send(res, Map.of("received", in));
        }));

        JsonNode answer = client(base, 0).postJson("/orders", new Order("AAPL", 3));

        assertThat(answer.path("received").path("symbol_name").asText()).isEqualTo("AAPL");
        assertThat(answer.path("received").path("qty").asInt()).isEqualTo(3);
    }

    @Test
    void extraHeadersAreSentOnGetPostAndDelete() {
        URI base = serve(r -> r.any("/v2/echo", (req, res) -> Json.send(res, Map.of(
                "method", req.prologue().method().text(),
                "key", req.headers().first(io.helidon.http.HeaderNames.create("APCA-API-KEY-ID")).orElse("none")))));
        ServiceClient client = client(base, 0);
        Map<String, String> auth = Map.of("APCA-API-KEY-ID", "k1");

        assertThat(client.getJson("/v2/echo", auth).path("key").asText()).isEqualTo("k1");
        assertThat(client.postJson("/v2/echo", Map.of(), auth).path("method").asText()).isEqualTo("POST");
        JsonNode deleted = client.deleteJson("/v2/echo", auth);
        assertThat(deleted.path("method").asText()).isEqualTo("DELETE");
        assertThat(deleted.path("key").asText()).isEqualTo("k1");
        assertThat(client.getJson("/v2/echo").path("key").asText()).isEqualTo("none");
    }

    @Test
    void a204AnswerIsAJsonNull() {
        URI base = serve(r -> r.delete("/v2/orders/1", (req, res) -> res.status(Status.NO_CONTENT_204).send()));

        assertThat(client(base, 0).deleteJson("/v2/orders/1", Map.of()).isNull()).isTrue();
    }

    @Test
    void aRequestSendsItsMethodAndHeadersAndReadsA204AsNull() {
        AtomicInteger deletes = new AtomicInteger();
        URI base = serve(r -> r.delete("/v2/orders/{id}", (req, res) -> {
            deletes.incrementAndGet();
            boolean keyed = "k1".equals(req.headers().first(io.helidon.http.HeaderNames.create("APCA-API-KEY-ID")).orElse(""));
            res.status(keyed ? Status.NO_CONTENT_204 : Status.FORBIDDEN_403).send();
        }));

        JsonNode answer = patient(base, 3).request(io.helidon.http.Method.DELETE, "/v2/orders/o-1",
                Map.of("APCA-API-KEY-ID", "k1"), null);

        assertThat(answer.isNull()).isTrue();
        assertThat(deletes).hasValue(1);
    }

    @Test
    void aRequestPathsQueryReachesTheServerAsParameters() {
        URI base = serve(r -> r.get("/v2/orders", (req, res) -> Json.send(res, Map.of(
                "status", req.query().first("status").orElse("?"), "symbols", req.query().first("symbols").orElse("?")))));

        JsonNode answer = patient(base, 0).request(io.helidon.http.Method.GET, "/v2/orders?status=all&symbols=BRK.B%2CAAPL", Map.of(), null);

        assertThat(answer.path("status").asText()).isEqualTo("all");
        assertThat(answer.path("symbols").asText()).isEqualTo("BRK.B,AAPL");
    }

    @Test
    void aTextProbeReturnsTheBodyOrFailsWithTheStatus() {
        URI base = serve(r -> r.get("/observe/metrics", (req, res) -> res.send("client_breaker_state{target=\"news\"} 2.0\n"))
                .get("/missing", (req, res) -> res.status(Status.NOT_FOUND_404).send("no")));
        ServiceClient client = patient(base, 3);

        assertThat(client.probeText("/observe/metrics")).isEqualTo("client_breaker_state{target=\"news\"} 2.0\n");
        assertThat(catchThrowableOfType(ServiceCallException.class, () -> client.probeText("/missing")).status()).isEqualTo(404);
    }

    @Test
    void aRequestOtherThanGetIsNeverRetried() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.delete("/v2/positions", (req, res) -> {
            hits.incrementAndGet();
            fail500(res);
        }));

        ServiceCallException e = catchThrowableOfType(ServiceCallException.class,
                () -> patient(base, 3).request(io.helidon.http.Method.DELETE, "/v2/positions", Map.of(), null));

        assertThat(e.status()).isEqualTo(500);
        assertThat(hits).hasValue(1);
    }

    @Test
    void aQueryStringInThePathIsSentAsTheQuery() {
        URI base = serve(r -> r.get("/api/patterns/{symbol}", (req, res) -> Json.send(res, Map.of(
                "symbol", req.path().pathParameters().get("symbol"),
                "limit", req.query().first("limit").orElse("none"),
                "symbols", req.query().first("symbols").orElse("none")))));

        JsonNode answer = patient(base).getJson("/api/patterns/BRK.B?limit=50&symbols=A%2CB");

        assertThat(answer.path("symbol").asText()).isEqualTo("BRK.B");
        assertThat(answer.path("limit").asText()).isEqualTo("50");
        assertThat(answer.path("symbols").asText()).isEqualTo("A,B");
    }

    @Test
    void a4xxIsARejectionThatIsNeitherRetriedNorCountedByTheBreaker() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r.get("/bad", (req, res) -> {
            hits.incrementAndGet();
            res.status(Status.create(422))
                    .header(HeaderValues.create("Content-Type", "application/problem+json"))
                    .send("{\"title\":\"Invalid request\",\"status\":422}");
        }));
        ServiceClient client = client(base, 2);

        ServiceRejectedException e = catchThrowableOfType(ServiceRejectedException.class, () -> client.getJson("/bad"));

        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.body()).contains("Invalid request");
        assertThat(hits).hasValue(1);
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.getJson("/bad")).isInstanceOf(ServiceRejectedException.class);
        }
        assertThat(hits).hasValue(9);
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theBreakerOpensAfterRepeated500sFailsFastAndClosesOnceTheServerIsHealthyAgain() {
        AtomicInteger hits = new AtomicInteger();
        AtomicBoolean healthy = new AtomicBoolean(false);
        URI base = serve(r -> r.get("/status", (req, res) -> {
            hits.incrementAndGet();
            if (healthy.get()) {
                ok(res);
            } else {
                fail500(res);
            }
        }));
        // Retries on: an open breaker must still fail at once, not back off and retry.
        ServiceClient client = client(base, 2);

        for (int i = 0; i < 10 && client.breakerState() != CircuitBreaker.State.OPEN; i++) {
            assertThatThrownBy(() -> client.getJson("/status")).isInstanceOf(ServiceCallException.class);
        }
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(hits.get()).isLessThanOrEqualTo(4);

        int before = hits.get();
        long start = System.nanoTime();
        ServiceCallException open = catchThrowableOfType(ServiceCallException.class, () -> client.getJson("/status"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(open).isNotNull().hasMessageContaining("circuit breaker open");
        assertThat(open.status()).isZero();
        assertThat(hits).hasValue(before);
        assertThat(took).isLessThan(TIMEOUT);
        assertThat(client.describe()).contains("OPEN");

        healthy.set(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.breakerState() == CircuitBreaker.State.OPEN && System.nanoTime() < deadline) {
            sleep(25);
        }
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(client.getJson("/status").path("ok").asBoolean()).isTrue();
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(hits).hasValue(before + 1);
    }

    @Test
    void aSlowAnswerTimesOutWithinAboutTheTimeout() {
        URI base = serve(r -> r.get("/slow", (req, res) -> {
            sleep(1_500);
            ok(res);
        }));

        long start = System.nanoTime();
        ServiceCallException e = catchThrowableOfType(ServiceCallException.class, () -> client(base, 0).getJson("/slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull().hasMessageContaining("timed out");
        assertThat(e.status()).isZero();
        assertThat(took).isLessThan(TIMEOUT.multipliedBy(2)).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50));
    }

    @Test
    void aBodyThatIsNotJsonIsAFailedCall() {
        URI base = serve(r -> r.get("/html", (req, res) -> res.send("<html>oops</html>")));

        ServiceCallException e = catchThrowableOfType(ServiceCallException.class, () -> client(base, 0).getJson("/html"));

        assertThat(e).isNotNull().isNotInstanceOf(ServiceRejectedException.class).hasMessageContaining("not JSON");
        assertThat(e.status()).isEqualTo(200);
    }

    @Test
    void aPortNobodyListensOnIsUnreachable() {
        URI base = URI.create("http://localhost:" + TestContexts.closedPort());

        long start = System.nanoTime();
        ServiceCallException e = catchThrowableOfType(ServiceCallException.class, () -> client(base, 0).getJson("/x"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e).isNotNull().hasMessageContaining("unreachable");
        assertThat(e.status()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void getMapsTheJsonOntoARecord() {
        record Info(String name, int port) {
        }
        URI base = serve(r -> r.get("/api/info", (req, res) -> Json.send(res, Map.of("name", "scanner", "port", 5001))));

        assertThat(client(base, 0).get("/api/info", Info.class)).isEqualTo(new Info("scanner", 5001));
    }

    @Test
    void aProbeReturnsTheStatusWithoutRetryingOrTrippingTheBreaker() {
        AtomicInteger hits = new AtomicInteger();
        URI base = serve(r -> r
                .get("/observe/health/ready", (req, res) -> {
                    hits.incrementAndGet();
                    res.status(Status.SERVICE_UNAVAILABLE_503);
                    Json.send(res, Status.SERVICE_UNAVAILABLE_503, Map.of("status", "DOWN"));
                })
                .get("/text", (req, res) -> res.send("plain")));
        ServiceClient client = client(base, 3);

        for (int i = 0; i < 6; i++) {
            ServiceClient.Probe probe = client.probe("/observe/health/ready");
            assertThat(probe.status()).isEqualTo(503);
            assertThat(probe.body()).hasValueSatisfying(b -> assertThat(b.path("status").asText()).isEqualTo("DOWN"));
        }
        assertThat(hits).hasValue(6);
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);

        ServiceClient.Probe text = client.probe("/text");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).isEmpty();
    }

    @Test
    void aProbeOfAPortNobodyListensOnIsUnreachable() {
        ServiceClient client = client(URI.create("http://localhost:" + TestContexts.closedPort()), 0);

        assertThatThrownBy(() -> client.probe("/observe/health/ready"))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void aSlowProbeTimesOut() {
        URI base = serve(r -> r.get("/observe/health/ready", (req, res) -> {
            sleep(1_500);
            ok(res);
        }));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client(base, 0).probe("/observe/health/ready"))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(2));
    }

    @Test
    void backoffGrowsAndStopsAfterTheConfiguredRetries() {
        ServiceClient.BackoffPolicy policy = new ServiceClient.BackoffPolicy(3, 100, 2_000);

        // Helidon numbers the calls after the first failure from 1.
        for (int call = 1; call <= 3; call++) {
            long ceiling = Math.min(2_000, 100L << (call - 1));
            assertThat(policy.nextDelayMillis(0, 0, call)).hasValueSatisfying(
                    d -> assertThat(d).isBetween(ceiling / 2, ceiling));
        }
        assertThat(policy.nextDelayMillis(0, 0, 4)).isEmpty();
        assertThat(new ServiceClient.BackoffPolicy(0, 100, 2_000).nextDelayMillis(0, 0, 1)).isEmpty();
        assertThat(new ServiceClient.BackoffPolicy(30, 100, 2_000).nextDelayMillis(0, 0, 30))
                .hasValueSatisfying(d -> assertThat(d).isBetween(1_000L, 2_000L));
    }
}
