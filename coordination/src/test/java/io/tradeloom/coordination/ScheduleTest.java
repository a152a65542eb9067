package io.tradeloom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.db.Migrations;
import io.tradeloom.db.market.MarketClockState;
import io.tradeloom.db.market.MarketClockStore;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;

/**
 * The schedule follows the shared market clock in the database: with auto-trading on, no cycle while the market
 * is closed, cycles once it is open. No other service runs (their URLs are closed ports), so the cycles that do
 * run record that no entries were possible, which is also what a scheduled cycle with everything down looks like.
 */
class ScheduleTest {

    private Path dir;
    private ServiceKit.RunningService coordination;

    @AfterEach
    void stop() throws IOException {
        if (coordination != null) {
            coordination.stop();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void scheduledCyclesRunOnlyWhileTheSharedMarketClockSaysOpen() throws Exception {
        dir = Files.createTempDirectory("tradeloom-schedule-");
        Path file = dir.resolve("trading_system.db");
        try (Database db = Database.open(DatabaseSettings.defaults(file))) {
            Migrations.migrate(db);
            // Saturday 2025-03-08, 10:00 New York, at real speed: closed all day
            clock(db, Instant.parse("2025-03-08T15:00:00Z"));
        }
        Map<String, String> o = new HashMap<>();
        o.put("database.path", file.toString());
        o.put("log.dir", dir.resolve("logs").toString());
        o.put("server.port", "0");
        for (ServiceId s : ServiceId.values()) {
            if (s != ServiceId.COORDINATION) {
                o.put(s.module() + ".url", "http://127.0.0.1:" + Cluster.closedPort());
            }
        }
        o.put("trading.api-token", Cluster.TOKEN);
        o.put("client.retries", "0");
        coordination = ServiceKit.start(Settings.load(ServiceId.COORDINATION, o), Main::routing);
        assertThat(Cluster.call(coordination, "POST", "/api/autotrade", "{\"enabled\": true}", Cluster.TOKEN).status()).isEqualTo(200);

        Thread.sleep(2_000); // eight checks of the schedule
        assertThat(cycles()).isZero();

        // Tuesday 2025-03-04 10:00 New York: open
        clock(coordination.context().db(), Instant.parse("2025-03-04T15:00:00Z"));
        long until = System.nanoTime() + 30_000_000_000L;
        while (cycles() == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        JsonNode cycle = latest();
        while (cycle.path("status").asText().equals("RUNNING") && System.nanoTime() < until) {
            Thread.sleep(100);
            cycle = latest();
        }
        assertThat(cycle.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(cycle.path("trigger").asText()).isEqualTo("schedule");
        assertThat(cycle.path("market_time").asText()).startsWith("2025-03-04T15:0");
        assertThat(cycle.path("entries_blocked").asText()).contains("scanner unavailable").contains("trading unavailable");
        // one cycle per market minute at real speed: no second one within the same minute's checks
        Thread.sleep(1_000);
        assertThat(cycles()).isEqualTo(1);
    }

    private JsonNode latest() {
        return Cluster.call(coordination, "GET", "/api/cycles?limit=1", null, null).json().path("cycles").get(0);
    }

    private int cycles() {
        return Cluster.call(coordination, "GET", "/api/cycles?limit=500", null, null).json().path("cycles").size();
    }

    private static void clock(Database db, Instant marketNow) {
        new MarketClockStore(db, Clock.systemUTC()).save(new MarketClockState("sim", Instant.now(), marketNow, 1.0, false,
                LocalDate.of(2025, 3, 3), marketNow));
    }
}
