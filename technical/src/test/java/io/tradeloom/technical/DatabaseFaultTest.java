package io.tradeloom.technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.DatabaseUnavailableException;
import io.tradeloom.platform.ServiceContext;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.platform.http.Json;
import io.tradeloom.testkit.DatabaseLock;
import io.tradeloom.testkit.StorageFaults;
import io.tradeloom.testkit.TestContexts;
import io.tradeloom.testkit.TestServers;
import io.tradeloom.testkit.TestServers.Answer;

/**
 * The technical service when the database fails under it: locked by another process past the busy
 * timeout, on a full disk, on a read-only file system. Each write is refused whole with a 5xx that
 * says why and when to retry, readiness tells the truth, and the service recovers without a restart.
 */
class DatabaseFaultTest {

    /** A short busy timeout and two attempts, so the lock outlasts them in well under a second. */
    private static final Map<String, String> QUICK_BUSY = Map.of(
            "database.busy-timeout-ms", "200", "database.max-attempts", "2");
    private static final String SIGNALS = "{\"symbols\": [\"AAPL\", \"MSFT\"]}";

    private static long signals(ServiceContext context) {
        return context.db().read("count", ctx -> ctx.fetchCount(io.tradeloom.db.schema.Tables.SIGNAL));
    }

    private static JsonNode json(Answer a) throws Exception {
        return Json.tree(a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode databaseCheck(WebServer server) throws Exception {
        for (JsonNode c : json(TestServers.get(server, "/observe/health")).path("checks")) {
            if (c.path("name").asText().equals("database")) {
                return c;
            }
        }
        throw new AssertionError("no database check");
    }

    @Test
    void aWriteWhileAnotherProcessHoldsTheLockIs503WithRetryAfterStoresNothingAndSucceedsOnceReleased() throws Exception {
        ServiceContext context = TestContexts.context(ServiceId.TECHNICAL, "db-lock", QUICK_BUSY);
        MarketFixture.store(context);
        WebServer server = TestServers.start(context, Main::routing);
        try {
            long before = signals(context);
            Answer locked;
            try (DatabaseLock lock = DatabaseLock.hold(context.db().path())) {
                locked = TestServers.post(server, "/api/signals", SIGNALS);
                // Readers are not blocked by a writer in WAL mode: the service still answers reads, so it stays ready.
                assertThat(TestServers.get(server, "/observe/health/ready").status()).isEqualTo(200);
                assertThat(TestServers.get(server, "/api/signals/AAPL").status()).as("a GET computes and stores too")
                        .isEqualTo(503);
            }

            assertThat(locked.status()).as(locked.body()).isEqualTo(503);
            assertThat(locked.isProblem()).isTrue();
            assertThat(locked.retryAfter()).hasValue("1");
            assertThat(json(locked).path("title").asText()).isEqualTo("Database busy");
            assertThat(locked.body()).doesNotContain("Exception", "\tat ", "SQLITE");
            assertThat(signals(context)).as("nothing of the refused batch was stored").isEqualTo(before);

            Answer after = TestServers.post(server, "/api/signals", SIGNALS);
            assertThat(after.status()).as(after.body()).isEqualTo(201);
            assertThat(signals(context)).isEqualTo(before + 2);
        } finally {
            server.stop();
            TestContexts.close(context);
        }
    }

    @Test
    void aFullDiskIs507NamingTheCauseTurnsReadinessDownAndRecoversWhenSpaceIsFreed() throws Exception {
        StorageFaults disk = StorageFaults.mount(16L * 1024 * 1024);
        assumeThat(disk).as("mounting a tmpfs needs root; this machine does not allow it").isNotNull();
        ServiceContext context = TestContexts.context(ServiceId.TECHNICAL, disk.dir().resolve("db"), Map.of());
        WebServer server = null;
        try {
            MarketFixture.store(context);
            server = TestServers.start(context, Main::routing);
            long before = signals(context);
            // An empty write-ahead log, so the next write needs new blocks rather than reusing the log's old ones.
            context.db().read("checkpoint", ctx -> ctx.fetch("pragma wal_checkpoint(TRUNCATE)"));
            Path filler = disk.fill();

            Answer full = TestServers.post(server, "/api/signals", SIGNALS);

            assertThat(full.status()).as(full.body()).isEqualTo(507);
            assertThat(full.isProblem()).isTrue();
            assertThat(full.retryAfter()).isPresent();
            assertThat(json(full).path("detail").asText()).contains("disk", "full", "Nothing was written");
            assertThat(full.body()).doesNotContain("Exception", "\tat ", disk.dir().toString());
            Answer ready = TestServers.get(server, "/observe/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(databaseCheck(server).path("status").asText()).isEqualTo("DOWN");
            assertThat(databaseCheck(server).path("data").path("error").asText()).contains("full");

            Files.delete(filler);
            assertThat(context.db().integrityCheck()).containsExactly("ok");
            assertThat(signals(context)).isEqualTo(before);
            Answer after = TestServers.post(server, "/api/signals", SIGNALS);
            assertThat(after.status()).as(after.body()).isEqualTo(201);
            assertThat(signals(context)).isEqualTo(before + 2);
            assertThat(TestServers.get(server, "/observe/health/ready").status()).isEqualTo(200);
        } finally {
            if (server != null) {
                server.stop();
            }
            TestContexts.close(context);
            disk.close();
        }
    }

    @Test
    void aDatabaseOnAReadOnlyFileSystemIsRefusedAtStartWithAClearMessageAndLeftIntact() throws Exception {
        StorageFaults disk = StorageFaults.mount(16L * 1024 * 1024);
        assumeThat(disk).as("mounting a tmpfs needs root; this machine does not allow it").isNotNull();
        try {
            Path dir = disk.dir().resolve("db");
            ServiceContext first = TestContexts.context(ServiceId.TECHNICAL, dir, Map.of());
            MarketFixture.store(first);
            Path file = first.db().path();
            first.db().close();
            byte[] bytes = Files.readAllBytes(file);
            disk.readOnly(true);

            Map<String, String> settings = Map.of("database.path", file.toString(), "server.port", "0",
                    "log.dir", Files.createTempDirectory("tradeloom-ro-logs").toString());
            assertThatThrownBy(() -> ServiceKit.context(Settings.load(ServiceId.TECHNICAL, settings)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("not writable");
            assertThat(Files.readAllBytes(file)).as("the file was not touched").isEqualTo(bytes);

            disk.readOnly(false);
            ServiceContext again = ServiceKit.context(Settings.load(ServiceId.TECHNICAL, settings));
            try {
                assertThat(again.db().integrityCheck()).containsExactly("ok");
                assertThat(signals(again)).isZero();
            } finally {
                again.db().close();
            }
        } finally {
            disk.close();
        }
    }
}
