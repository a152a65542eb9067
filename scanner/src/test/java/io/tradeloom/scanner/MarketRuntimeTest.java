package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.db.Database;
import io.tradeloom.db.DatabaseSettings;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.Settings;
import io.tradeloom.scanner.ingest.MarketRuntime;
import io.tradeloom.scanner.source.MarketDataSettings;
import io.tradeloom.testkit.TestContexts;

/**
 * The ingest loop's work, one {@code ingestOnce} at a time, on the simulated market driven by a hand-moved real
 * clock: what is stored is exact, so the roll-ups can be checked bar by bar against the stored minutes.
 */
class MarketRuntimeTest {

    private static final NyseCalendar CALENDAR = new NyseCalendar();
    /** SIM_START=2025-03-04: a Tuesday in standard time, 09:30 New York = 14:30 UTC. */
    private static final Instant OPEN = Instant.parse("2025-03-04T14:30:00Z");
    private static final Session SESSION = CALENDAR.session(NyseCalendar.dateOf(OPEN)).orElseThrow();
    private static final List<String> CHECKED = List.of("AAPL", "MSFT", "NVDA", "XOM");

    private Path dir;
    private Path file;
    private Database db;
    private ScannerFixture.Sql sql;
    private final ManualClock real = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));
    private MarketRuntime runtime;

    @BeforeEach
    void openDatabase() {
        dir = TestContexts.tempDir("scanner-runtime");
        file = TestContexts.migratedDatabase(dir);
        db = Database.open(DatabaseSettings.defaults(file));
        sql = new ScannerFixture.Sql(file);
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
        db.close();
        TestContexts.delete(dir);
    }

    private MarketDataSettings settings(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of("market.data", "sim", "sim.speed", "60"));
        keys.putAll(extra);
        return MarketDataSettings.from(Settings.load(ServiceId.SCANNER, TestContexts.overrides(dir, file, keys)).config());
    }

    private MarketRuntime open(String simStart) {
        runtime = MarketRuntime.open(db, settings(Map.of("sim.start", simStart)), real);
        return runtime;
    }

    /** Moves real time on by {@code seconds}: at SIM_SPEED=60, that many simulated minutes. */
    private int run(int seconds) {
        real.advance(Duration.ofSeconds(seconds));
        return runtime.ingestOnce();
    }

    private void assertRollUpsMatchTheMinutes(String symbol, Timeframe timeframe, Instant from, Instant to) {
        List<Bar> rolled = sql.bars(symbol, timeframe, from, to);
        List<Bar> all = sql.bars(symbol, Timeframe.MIN_1, from, to.plus(Duration.ofDays(1)));
        assertThat(rolled).as("%s %s bars", symbol, timeframe).isNotEmpty();
        for (Bar bar : rolled) {
            Instant end = bar.time().plus(timeframe.length());
            Session session = CALENDAR.sessionAt(bar.time()).orElseThrow();
            if (end.isAfter(session.close()) || timeframe == Timeframe.DAY_1) {
                end = session.close();
            }
            Instant until = end;
            List<Bar> minutes = all.stream().filter(m -> !m.time().isBefore(bar.time()) && m.time().isBefore(until)).toList();
            assertThat(bar).as("%s %s bar at %s", symbol, timeframe, bar.time())
                    .isEqualTo(Ohlcv.aggregate(symbol, bar.time(), minutes));
        }
    }

    @Test
    void simStartAsADateStartsTheClockAtThatDatesOpenInNewYork() {
        open("2025-03-04");

        assertThat(runtime.clock().now()).isEqualTo(OPEN);
        assertThat(runtime.ingestedThrough()).isEqualTo(OPEN);
        assertThat(runtime.clock().isOpen()).isTrue();
    }

    @Test
    void simStartOnASaturdayStartsAtMondaysOpenInDaylightTime() {
        open("2025-03-08");

        // 2025-03-10 is the first session after the switch to daylight time: 09:30 EDT = 13:30 UTC
        assertThat(runtime.clock().now()).isEqualTo(Instant.parse("2025-03-10T13:30:00Z"));
    }

    @Test
    void minuteBarsAreStoredAsTheClockRevealsThemAndEachCompletedBucketIsTheirRollUp() {
        open("2025-03-04");
        long backfilled = sql.bars(Timeframe.MIN_1);

        // uneven steps, so buckets complete inside windows and across them
        int stored = run(7) + run(13) + run(11);

        assertThat(runtime.ingestedThrough()).isEqualTo(OPEN.plus(Duration.ofMinutes(31)));
        assertThat(sql.ingestedThrough()).isEqualTo(runtime.ingestedThrough());
        assertThat(sql.bars(Timeframe.MIN_1) - backfilled).isEqualTo(31L * 51);
        assertThat(stored).isEqualTo(31 * 51 + 6 * 51 + 2 * 51);
        for (String symbol : CHECKED) {
            assertThat(sql.bars(symbol, Timeframe.MIN_1, OPEN, SESSION.close())).hasSize(31)
                    .extracting(Bar::time).containsExactly(minutes(OPEN, 31));
            // 09:30 ... 09:55 are complete; 10:00 is not and is not stored yet
            assertThat(sql.bars(symbol, Timeframe.MIN_5, OPEN, SESSION.close())).extracting(Bar::time)
                    .containsExactly(every(OPEN, 5, 6));
            assertThat(sql.bars(symbol, Timeframe.MIN_15, OPEN, SESSION.close())).extracting(Bar::time)
                    .containsExactly(every(OPEN, 15, 2));
            assertThat(sql.bars(symbol, Timeframe.HOUR_1, OPEN, SESSION.close())).isEmpty();
            assertRollUpsMatchTheMinutes(symbol, Timeframe.MIN_5, OPEN, SESSION.close());
            assertRollUpsMatchTheMinutes(symbol, Timeframe.MIN_15, OPEN, SESSION.close());
        }
    }

    @Test
    void aWholeSessionRollsUpToBucketsCutAtTheCloseAndOneDailyBar() {
        open("2025-03-04");

        run(31);
        run(400); // through the 16:00 close (390 simulated minutes) and 41 minutes into 2025-03-05

        Session next = CALENDAR.session(CALENDAR.nextTradingDay(SESSION.date())).orElseThrow();
        assertThat(runtime.clock().now()).isEqualTo(next.open().plus(Duration.ofMinutes(41)));
        for (String symbol : CHECKED) {
            assertThat(sql.bars(symbol, Timeframe.MIN_1, OPEN, SESSION.close())).hasSize(390);
            assertThat(sql.bars(symbol, Timeframe.MIN_1, SESSION.close(), next.open())).as("closed hours").isEmpty();
            assertThat(sql.bars(symbol, Timeframe.MIN_5, OPEN, SESSION.close())).hasSize(78);
            assertThat(sql.bars(symbol, Timeframe.MIN_15, OPEN, SESSION.close())).hasSize(26);
            List<Bar> hours = sql.bars(symbol, Timeframe.HOUR_1, OPEN, SESSION.close());
            assertThat(hours).extracting(Bar::time).containsExactly(every(OPEN, 60, 7)); // ..., 15:30-16:00
            List<Bar> days = sql.bars(symbol, Timeframe.DAY_1, OPEN, next.open());
            assertThat(days).extracting(Bar::time).containsExactly(OPEN);
            for (Timeframe tf : List.of(Timeframe.MIN_5, Timeframe.MIN_15, Timeframe.HOUR_1, Timeframe.DAY_1)) {
                assertRollUpsMatchTheMinutes(symbol, tf, OPEN, next.open());
            }
            assertThat(sql.bars(symbol, Timeframe.MIN_1, next.open(), next.close())).hasSize(41);
            assertRollUpsMatchTheMinutes(symbol, Timeframe.MIN_5, next.open(), next.close());
        }
        assertThat(sql.count("SELECT count(*) FROM bar WHERE time >= ? AND time < ?",
                SESSION.close().toEpochMilli(), next.open().toEpochMilli())).isZero();
    }

    @Test
    void ingestingTheSameWindowAgainAddsNothing() {
        open("2025-03-04");
        run(31);
        String before = fingerprint();

        assertThat(runtime.ingestOnce()).as("nothing new at the same instant").isZero();

        // a restart whose cursor is behind what is stored (as if the cursor had not moved) replays the window
        runtime.close();
        sql.update("UPDATE market_clock SET ingested_through = ?", OPEN.plus(Duration.ofMinutes(8)).toEpochMilli());
        runtime = MarketRuntime.open(db, settings(Map.of("sim.start", "2025-03-04")), real);
        assertThat(runtime.clock().now()).isEqualTo(OPEN.plus(Duration.ofMinutes(8)));

        assertThat(run(23)).isZero();

        assertThat(runtime.ingestedThrough()).isEqualTo(OPEN.plus(Duration.ofMinutes(31)));
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(sql.count("SELECT count(*) FROM (SELECT symbol, timeframe, time FROM bar"
                + " GROUP BY symbol, timeframe, time HAVING count(*) > 1)")).isZero();

        // and it carries on where the stored bars end, with the bucket that spans the replay intact
        run(4);
        for (String symbol : CHECKED) {
            assertThat(sql.bars(symbol, Timeframe.MIN_5, OPEN, SESSION.close())).hasSize(7);
            assertRollUpsMatchTheMinutes(symbol, Timeframe.MIN_5, OPEN, SESSION.close());
        }
    }

    /** Every stored bar, summarised: equal only if no row was added, removed or changed. */
    private String fingerprint() {
        return sql.count("SELECT count(*) FROM bar") + "/" + sql.count("SELECT sum(volume) FROM bar") + "/"
                + sql.count("SELECT sum(open_e4 + 3 * high_e4 + 7 * low_e4 + 11 * close_e4) FROM bar") + "/"
                + sql.count("SELECT sum(time % 1000003) FROM bar");
    }

    private static Instant[] minutes(Instant from, int count) {
        return every(from, 1, count);
    }

    private static Instant[] every(Instant from, int minutes, int count) {
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; i++) {
            times[i] = from.plus(Duration.ofMinutes((long) minutes * i));
        }
        return times;
    }
}
