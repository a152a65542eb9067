package io.tradeloom.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real stack in containers: builds the images from the packaged jars, brings docker-compose.yml
 * up, and checks what users rely on. Without Docker these tests are skipped, unless
 * {@code -Dtradeloom.containers.required=true} (set by .ci/run), which turns the skip into a failure.
 * The restart test runs last: it crashes a service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final Path ROOT = Path.of(System.getProperty("tradeloom.root", "..")).toAbsolutePath().normalize();
    /** The loaded 2-core CI machine builds ten images and starts ten JVMs: generous, still bounded. */
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(4);
    private static final List<String> CRITICAL = List.of("scanner", "pattern", "technical", "trading");
    private static final List<String> AUXILIARY = List.of("recognition", "news", "reporting");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ComposeStack stack;

    @BeforeAll
    static void bringTheStackUp() {
        DockerPrerequisite.check();
        stack = ComposeStack.up(ROOT);
        awaitAllHealthy();
    }

    @AfterAll
    static void takeTheStackDown() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void migrationsRunOnceThenTheNineServicesStartInTheSeedsOrderAndBecomeHealthy() throws Exception {
        InspectContainerResponse migrate = stack.inspect("migrate");
        assertThat(migrate.getState().getExitCodeLong()).as("migrate exit code").isZero();
        Instant migrated = Instant.parse(migrate.getState().getFinishedAt());

        Map<String, Instant> started = new HashMap<>();
        for (String s : ComposeStack.SERVICES.keySet()) {
            InspectContainerResponse c = stack.inspect(s);
            started.put(s, Instant.parse(c.getState().getStartedAt()));
            assertThat(stack.health(s)).as(s + " health").isEqualTo("healthy");
            assertThat(get(stack.url(s, "/observe/health/ready")).statusCode()).as(s + " readiness").isEqualTo(200);
            assertThat(c.getHostConfig().getRestartPolicy().getName()).as(s + " restart policy").isEqualTo("unless-stopped");
            assertThat(c.getHostConfig().getMemory()).as(s + " memory limit").isPositive();
            assertThat(stack.exec(s, "id", "-u").stdout().strip()).as(s + " user").isEqualTo("10001");
        }
        // The seed's order: coordination, the critical services, the auxiliary ones, the dashboard.
        assertThat(started.get("coordination")).isAfterOrEqualTo(migrated);
        for (String s : CRITICAL) {
            assertThat(started.get(s)).as(s).isAfter(started.get("coordination"));
        }
        Instant lastCritical = CRITICAL.stream().map(started::get).max(Instant::compareTo).orElseThrow();
        for (String s : AUXILIARY) {
            assertThat(started.get(s)).as(s).isAfter(lastCritical);
        }
        Instant lastAuxiliary = AUXILIARY.stream().map(started::get).max(Instant::compareTo).orElseThrow();
        assertThat(started.get("dashboard")).isAfter(lastAuxiliary);
    }

    @Test
    @Order(2)
    void everyServiceWritesToTheOneWalDatabaseOnTheSharedVolume() throws Exception {
        // The same file (device and inode) in every container: one named volume, mounted by all.
        Map<String, String> files = new LinkedHashMap<>();
        for (String s : ComposeStack.SERVICES.keySet()) {
            files.put(s, stack.exec(s, "stat", "-c", "%d:%i", "/app/data/trading_system.db").stdout().strip());
        }
        assertThat(files.values()).as("database file per container: " + files).doesNotContain("").containsOnly(files.get("coordination"));
        assertThat(stack.exec("scanner", "test", "-s", "/app/data/trading_system.db-wal").exitCode())
                .as("a write-ahead log beside the database").isZero();

        // Each service heartbeats its own registry row from its own container; coordination reads
        // them all back from the same file. Every heartbeat moving on proves every service writes there.
        Map<String, Instant> first = heartbeats();
        assertThat(first).containsOnlyKeys(ComposeStack.SERVICES.keySet());
        await("every service's heartbeat to advance", Duration.ofSeconds(40), () -> {
            Map<String, Instant> now = heartbeats();
            return first.keySet().stream().allMatch(s -> now.get(s) != null && now.get(s).isAfter(first.get(s)));
        });
        for (JsonNode service : services()) {
            assertThat(service.path("status").asText()).as(service.path("name").asText()).isEqualTo("UP");
        }
    }

    @Test
    @Order(3)
    void crashedServiceIsRestartedByComposeAndTheSystemRecovers() throws Exception {
        String victim = "trading";
        long restartsBefore = stack.inspect(victim).getRestartCount();
        Instant startedBefore = registration(victim).get("started_at") == null ? Instant.EPOCH
                : Instant.parse(registration(victim).get("started_at").asText());

        // A crash, not `docker kill`: Docker treats a kill as a deliberate stop and would not restart.
        // Under the image's init, SIGKILL to every process but PID 1 takes the JVM down, and the container with it.
        stack.exec(victim, "bash", "-c", "kill -KILL -1");

        await(victim + " to be restarted and healthy again", HEALTHY_WITHIN, () ->
                stack.inspect(victim).getRestartCount() > restartsBefore && "healthy".equals(stack.health(victim)));
        assertThat(get(stack.url(victim, "/observe/health/ready")).statusCode()).isEqualTo(200);
        await("coordination to see the restarted " + victim, Duration.ofSeconds(30), () -> {
            JsonNode r = registration(victim);
            return r.hasNonNull("started_at") && Instant.parse(r.get("started_at").asText()).isAfter(startedBefore);
        });
        awaitAllHealthy();
        // The logs volume outlived the container: both starts are in the service's log file.
        String log = stack.exec(victim, "cat", "/app/logs/paper_trading.log").stdout();
        assertThat(log.lines().filter(l -> l.contains("started on port")).count()).isGreaterThanOrEqualTo(2);
    }

    /**
     * A trading cycle on the simulated market through the public APIs, then a crash of the trading
     * service: no order lost or doubled. Disabled until the cycle (coordination POST /api/cycles with
     * the Bearer TRADING_API_TOKEN), Alpaca /v2 order and position (trading) and /api/reports
     * (reporting) endpoints are merged; the paths and fields below follow the issues' contracts and
     * must be checked against them when enabling.
     */
    @Test
    @Order(4)
    @Disabled("needs the trading cycle, /v2 orders and /api/reports endpoints, not merged yet")
    void tradingCycleOnTheSimulatedMarketPlacesOrdersAndReportsAndSurvivesACrash() throws Exception {
        Map<String, String> env = dotEnvExample();
        HttpResponse<String> cycle = HTTP.send(HttpRequest.newBuilder(stack.url("coordination", "/api/cycles"))
                .header("Authorization", "Bearer " + env.get("TRADING_API_TOKEN"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cycle.statusCode()).as(cycle.body()).isBetween(200, 202);
        String cycleId = JSON.readTree(cycle.body()).path("id").asText();
        await("the cycle to finish", HEALTHY_WITHIN, () -> {
            JsonNode c = json(get(stack.url("coordination", "/api/cycles/" + cycleId)));
            return List.of("completed", "COMPLETED").contains(c.path("status").asText());
        });

        List<String> orders = orderIds(env);
        assertThat(orders).as("orders placed by the cycle").isNotEmpty().doesNotHaveDuplicates();
        assertThat(alpacaGet(env, "/v2/positions").statusCode()).isEqualTo(200);
        assertThat(get(stack.url("reporting", "/api/reports/daily")).statusCode()).isEqualTo(200);

        long restarts = stack.inspect("trading").getRestartCount();
        stack.exec("trading", "bash", "-c", "kill -KILL -1");
        await("trading to come back", HEALTHY_WITHIN, () ->
                stack.inspect("trading").getRestartCount() > restarts && "healthy".equals(stack.health("trading")));
        assertThat(orderIds(env)).as("the same orders after the crash").containsExactlyInAnyOrderElementsOf(orders);
    }

    // --- helpers ------------------------------------------------------------------------------

    private static void awaitAllHealthy() {
        await("all nine services to be healthy", HEALTHY_WITHIN,
                () -> ComposeStack.SERVICES.keySet().stream().allMatch(s -> "healthy".equals(stack.health(s))));
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // a container between lives or a service not answering yet: try again
            }
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + within.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static List<JsonNode> services() {
        List<JsonNode> list = new ArrayList<>();
        json(get(stack.url("coordination", "/api/services"))).path("services").forEach(list::add);
        return list;
    }

    private static JsonNode registration(String service) {
        return services().stream().filter(s -> service.equals(s.path("name").asText())).findFirst()
                .map(s -> s.path("registered")).orElseThrow();
    }

    private static Map<String, Instant> heartbeats() {
        Map<String, Instant> m = new HashMap<>();
        for (JsonNode s : services()) {
            JsonNode at = s.path("registered").path("heartbeat_at");
            if (at.isTextual()) {
                m.put(s.path("name").asText(), Instant.parse(at.asText()));
            }
        }
        return m;
    }

    private static Map<String, String> dotEnvExample() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return env;
    }

    private static HttpResponse<String> alpacaGet(Map<String, String> env, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(stack.url("trading", path))
                .header("APCA-API-KEY-ID", env.get("TRADING_API_KEY_ID"))
                .header("APCA-API-SECRET-KEY", env.get("TRADING_API_SECRET_KEY"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> orderIds(Map<String, String> env) throws Exception {
        HttpResponse<String> r = alpacaGet(env, "/v2/orders?status=all&limit=500");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.body()).forEach(o -> ids.add(o.path("client_order_id").asText()));
        return ids;
    }
}
