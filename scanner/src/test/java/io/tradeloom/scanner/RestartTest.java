package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.testkit.Replies;
import io.tradeloom.testkit.TestContexts;

/** Stopping the scanner and starting it again on the same database. */
class RestartTest {

    private static final int UNIVERSE = 51;

    private Path dir;
    private ServiceKit.RunningService running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
        TestContexts.delete(dir);
    }

    @Test
    void aRestartResumesTheClockAtTheStoredCursorAndNeitherRepeatsNorLosesABar() throws InterruptedException {
        dir = TestContexts.tempDir("scanner-restart");
        Path database = TestContexts.migratedDatabase(dir);
        ScannerFixture.Sql sql = new ScannerFixture.Sql(database);
        Settings settings = ScannerFixture.settings(dir, database,
                Map.of("market.data", "sim", "sim.speed", "60", "ingest.interval-ms", "200"));

        running = ScannerFixture.start(settings);
        Instant open = Instant.ofEpochMilli(sql.count("SELECT market_anchor FROM market_clock"));
        JsonNode universe = Replies.get(ScannerFixture.client(running.port()), "/api/universe").json();
        ScannerFixture.await(Duration.ofSeconds(10), "three simulated minutes ingested",
                () -> !sql.ingestedThrough().isBefore(open.plus(Duration.ofMinutes(3))));
        running.stop();
        running = null;

        Instant through = sql.ingestedThrough();
        long history = sql.count("SELECT count(*) FROM bar WHERE time < ?", open.toEpochMilli());
        Thread.sleep(1000); // a minute of simulated time at the old anchor, which a resumed clock must not count

        long before = System.nanoTime();
        running = ScannerFixture.start(settings);
        Replies clockReply = Replies.get(ScannerFixture.client(running.port()), "/api/clock");
        Duration restartTook = Duration.ofNanos(System.nanoTime() - before);

        JsonNode clock = clockReply.json();
        Instant now = OffsetDateTime.parse(clock.path("timestamp").asText()).toInstant();
        assertThat(now).as("resumed where ingest stopped, not at the open %s", open)
                .isAfterOrEqualTo(through)
                .isBeforeOrEqualTo(through.plus(restartTook.multipliedBy(60)).plusSeconds(5));
        assertThat(OffsetDateTime.parse(clock.path("ingested_through").asText()).toInstant()).isAfterOrEqualTo(through);
        assertThat(sql.count("SELECT market_anchor FROM market_clock")).isEqualTo(through.toEpochMilli());
        assertThat(Replies.get(ScannerFixture.client(running.port()), "/api/universe").json()).isEqualTo(universe);
        assertThat(sql.count("SELECT count(*) FROM bar WHERE time < ?", open.toEpochMilli()))
                .as("no second backfill").isEqualTo(history);

        Instant target = through.plus(Duration.ofMinutes(3));
        Instant sixMinutes = open.plus(Duration.ofMinutes(6));
        Instant wanted = target.isAfter(sixMinutes) ? target : sixMinutes;
        ScannerFixture.await(Duration.ofSeconds(10), "three more simulated minutes ingested",
                () -> !sql.ingestedThrough().isBefore(wanted));
        running.stop();
        running = null;

        Instant end = sql.ingestedThrough();
        long minutes = Duration.between(open, end).toMinutes();
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time >= ?", open.toEpochMilli()))
                .isEqualTo(minutes * UNIVERSE);
        for (String symbol : List.of("AAPL", "MSFT", "JPM")) {
            List<Bar> today = sql.bars(symbol, Timeframe.MIN_1, open, end);
            List<Instant> expected = new ArrayList<>();
            for (int i = 0; i < minutes; i++) {
                expected.add(open.plus(Duration.ofMinutes(i)));
            }
            assertThat(today).extracting(Bar::time).as("every minute once, across the restart").isEqualTo(expected);
            // the 09:30 bucket was half full at the stop: its bar is still the roll-up of all five minutes
            for (Bar five : sql.bars(symbol, Timeframe.MIN_5, open, end)) {
                assertThat(five).isEqualTo(Ohlcv.aggregate(symbol, five.time(),
                        sql.bars(symbol, Timeframe.MIN_1, five.time(), five.time().plus(Duration.ofMinutes(5)))));
            }
            assertThat(sql.bars(symbol, Timeframe.MIN_5, open, end)).hasSize((int) (minutes / 5));
        }
        assertThat(sql.count("SELECT count(*) FROM universe_symbol")).isEqualTo(UNIVERSE);
    }
}
