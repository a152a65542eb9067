package io.tradeloom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.api.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.DatabaseUnavailableException;
import io.tradeloom.platform.http.Json;
import io.tradeloom.platform.http.Replies;
import io.tradeloom.platform.registry.ServiceRegistry;

/** A real service started with {@link ServiceKit#start}, as a service's main does. */
class ServiceKitTest {

    private Path dir;
    private ServiceKit.RunningService running;

    @BeforeEach
    void createDir() {
        dir = TestContexts.tempDir("kit");
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
        TestContexts.delete(dir);
    }

    private static ServiceRegistry.Entry entry(Path database, String name) {
        try (Database db = Database.open(DatabaseSettings.defaults(database))) {
            return new ServiceRegistry(db, java.time.Clock.systemUTC()).find(name).orElseThrow();
        }
    }

    @Test
    void aStartedServiceServesItsRoutesRegistersHeartbeatsAndRecordsItsStop() throws InterruptedException {
        Path database = TestContexts.migratedDatabase(dir);
        Settings settings = Settings.load(ServiceId.REPORTING, TestContexts.overrides(dir, database,
                Map.of("registry.heartbeat-ms", "50")));

        running = ServiceKit.start(settings, (routing, context) ->
                routing.get("/api/hello", (req, res) -> Json.send(res, Map.of("service", context.service().module()))));
        int port = running.port();
        assertThat(port).isPositive();

        WebClient http = WebClient.builder().baseUri(URI.create("http://localhost:" + port)).build();
        JsonNode hello = Replies.of(http.get("/api/hello").request()).json();
        assertThat(hello.path("service").asText()).isEqualTo("reporting");
        JsonNode info = Replies.of(http.get("/api/info").request()).json();
        assertThat(info.path("port").asInt()).isEqualTo(port);
        assertThat(info.path("name").asText()).isEqualTo("reporting");
        assertThat(Replies.of(http.get("/observe/health/ready").request()).status()).isEqualTo(200);

        ServiceRegistry.Entry registered = entry(database, "reporting");
        assertThat(registered.port()).isEqualTo(port);
        assertThat(registered.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(registered.version()).isEqualTo(running.context().version());
        assertThat(registered.stoppedAt()).isEmpty();

        Instant firstBeat = registered.heartbeatAt();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!entry(database, "reporting").heartbeatAt().isAfter(firstBeat) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(entry(database, "reporting").heartbeatAt()).isAfter(firstBeat);

        running.stop();
        running.stop(); // safe twice

        assertThat(entry(database, "reporting").stoppedAt()).isPresent();
        assertThatThrownBy(() -> http.get("/api/info").request().close()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aContextRefusesAnUnmigratedDatabaseAndSaysHowToMigrate() {
        Path empty = dir.resolve("empty.db");
        Settings settings = Settings.load(ServiceId.NEWS, TestContexts.overrides(dir, empty, Map.of()));

        assertThatThrownBy(() -> ServiceKit.context(settings))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("migrate");
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNoServiceRegistered() {
        Path database = TestContexts.migratedDatabase(dir);
        running = ServiceKit.start(Settings.load(ServiceId.NEWS, TestContexts.overrides(dir, database, Map.of())),
                (r, c) -> { });
        Settings clash = Settings.load(ServiceId.REPORTING, TestContexts.overrides(dir, database,
                Map.of("server.port", Integer.toString(running.port()))));

        assertThatThrownBy(() -> ServiceKit.start(clash, (r, c) -> { }))
                .isInstanceOf(RuntimeException.class)
                .hasRootCauseInstanceOf(java.net.BindException.class);

        try (Database db = Database.open(DatabaseSettings.defaults(database))) {
            assertThat(new ServiceRegistry(db, java.time.Clock.systemUTC()).find("reporting")).isEmpty();
        }
    }
}
