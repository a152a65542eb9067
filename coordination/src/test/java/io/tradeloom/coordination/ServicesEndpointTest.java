package io.tradeloom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.Json;

/**
 * {@code GET /api/services} on a real coordination process-in-a-test, with a real scanner, a pattern
 * service that answers "not ready", and every other service absent (its URL a closed port).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesEndpointTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(1_000);

    private static Path dir;
    private static ServiceKit.RunningService scanner;
    private static WebServer notReadyPattern;
    private static ServiceKit.RunningService coordination;
    private static WebClient http;

    @BeforeAll
    static void startServices() throws IOException {
        dir = Files.createTempDirectory("tradeloom-coordination-");
        Path database = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(database))) {
            Migrations.migrate(db);
        }

        scanner = ServiceKit.start(Settings.load(ServiceId.SCANNER, overrides(database, Map.of("server.port", "0"))),
                (routing, context) -> { });
        notReadyPattern = WebServer.builder()
                .host("localhost")
                .port(0)
                .shutdownHook(false)
                .routing(r -> r.get("/observe/health/ready", (req, res) -> Json.send(res, Status.SERVICE_UNAVAILABLE_503,
                        Map.of("status", "DOWN", "checks", List.of(Map.of("name", "database", "status", "DOWN"))))))
                .build()
                .start();

        int coordinationPort = freePort();
        Map<String, String> urls = new HashMap<>();
        Set<Integer> used = new HashSet<>(Set.of(coordinationPort, scanner.port(), notReadyPattern.port()));
        for (ServiceId id : ServiceId.values()) {
            int port = switch (id) {
                case COORDINATION -> coordinationPort;
                case SCANNER -> scanner.port();
                case PATTERN -> notReadyPattern.port();
                default -> {
                    int p;
                    do {
                        p = freePort();
                    } while (!used.add(p));
                    yield p;
                }
            };
            urls.put(id.module() + ".url", "http://localhost:" + port);
        }
        urls.put("server.port", Integer.toString(coordinationPort));
        urls.put("client.timeout-ms", Long.toString(CLIENT_TIMEOUT.toMillis()));
        urls.put("client.retries", "0");
        coordination = ServiceKit.start(Settings.load(ServiceId.COORDINATION, overrides(database, urls)), Main::routing);
        assertThat(coordination.port()).isEqualTo(coordinationPort);
        http = WebClient.builder().baseUri(URI.create("http://localhost:" + coordinationPort)).build();
    }

    @AfterAll
    static void stopServices() {
        if (coordination != null) {
            coordination.stop();
        }
        if (notReadyPattern != null) {
            notReadyPattern.stop();
        }
        if (scanner != null) {
            scanner.stop();
        }
        delete(dir);
    }

    private static Map<String, String> overrides(Path database, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>();
        o.put("database.path", database.toString());
        o.put("log.dir", dir.resolve("logs").toString());
        o.putAll(extra);
        return o;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static JsonNode services() {
        try (HttpClientResponse res = http.get("/api/services").request()) {
            assertThat(res.status().code()).isEqualTo(200);
            assertThat(res.headers().contentType()).hasValueSatisfying(
                    t -> assertThat(t.mediaType().text()).isEqualTo("application/json"));
            return Json.tree(res.entity().as(byte[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode service(JsonNode body, String name) {
        for (JsonNode s : body.path("services")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + name + " in " + body);
    }

    @Test
    @Order(1)
    void listsAllNineInStartOrderWithLiveHealthAndRegistration() {
        long start = System.nanoTime();
        JsonNode body = services();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<String> names = new ArrayList<>();
        body.path("services").forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactly("coordination", "scanner", "pattern", "technical", "trading",
                "recognition", "news", "reporting", "dashboard");
        assertThat(body.path("checked_at").asText()).endsWith("Z");
        assertThat(body.path("up").asInt()).isEqualTo(2);
        // Every probe runs at once, each bounded by the client timeout.
        assertThat(took).isLessThan(CLIENT_TIMEOUT.multipliedBy(3));

        JsonNode sc = service(body, "scanner");
        assertThat(sc.path("display_name").asText()).isEqualTo("Security Scanner");
        assertThat(sc.path("status").asText()).isEqualTo("UP");
        assertThat(sc.path("problem").isNull()).isTrue();
        assertThat(sc.path("critical").asBoolean()).isTrue();
        assertThat(sc.path("port").asInt()).isEqualTo(scanner.port());
        assertThat(sc.path("url").asText()).isEqualTo("http://localhost:" + scanner.port());
        assertThat(sc.path("breaker").asText()).isEqualTo("CLOSED");
        assertThat(sc.path("checks").findValuesAsText("name")).contains("database");
        JsonNode registered = sc.path("registered");
        assertThat(registered.path("version").asText()).isEqualTo(scanner.context().version());
        assertThat(registered.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(registered.path("started_at").asText()).endsWith("Z");
        assertThat(registered.path("heartbeat_at").asText()).endsWith("Z");
        assertThat(registered.path("stopped_at").isNull()).isTrue();

        JsonNode co = service(body, "coordination");
        assertThat(co.path("status").asText()).isEqualTo("UP");
        assertThat(co.path("registered").path("version").asText()).isNotEmpty();

        JsonNode pattern = service(body, "pattern");
        assertThat(pattern.path("status").asText()).isEqualTo("DOWN");
        assertThat(pattern.path("problem").asText()).contains("not ready").contains("503");
        assertThat(pattern.path("checks").findValuesAsText("name")).containsExactly("database");
        assertThat(pattern.path("registered").isNull()).isTrue();

        for (String absent : List.of("technical", "trading", "recognition", "news", "reporting", "dashboard")) {
            JsonNode s = service(body, absent);
            assertThat(s.path("status").asText()).as(absent).isEqualTo("DOWN");
            assertThat(s.path("problem").asText()).as(absent).contains(absent).contains("unreachable");
            assertThat(s.path("breaker").asText()).as(absent).isEqualTo("CLOSED");
            assertThat(s.path("registered").isNull()).as(absent).isTrue();
            assertThat(s.path("checks").isNull()).as(absent).isTrue();
        }
        assertThat(service(body, "recognition").path("critical").asBoolean()).isFalse();
        assertThat(service(body, "dashboard").path("critical").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void aServiceThatStopsIsDownOnTheNextCall() {
        assertThat(service(services(), "scanner").path("status").asText()).isEqualTo("UP");

        scanner.stop();

        JsonNode sc = service(services(), "scanner");
        assertThat(sc.path("status").asText()).isEqualTo("DOWN");
        assertThat(sc.path("problem").asText()).contains("unreachable");
        assertThat(sc.path("registered").path("stopped_at").asText()).endsWith("Z");
        assertThat(sc.path("breaker").asText()).isEqualTo("CLOSED");
    }
}
