package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.api.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.market.scan.Preset;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.testkit.Replies;
import io.tradeloom.testkit.TestContexts;

/**
 * The scanner with its defaults (the simulated market, SIM_SPEED=60) started as its main starts it, over HTTP on a
 * fresh database: backfill, the ingest loop, roll-ups, the read endpoints and scans.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimEndToEndTest {

    private static final NyseCalendar CALENDAR = new NyseCalendar();
    private static final int UNIVERSE = 51;

    private static Path dir;
    private static ScannerFixture.Sql sql;
    private static ServiceKit.RunningService running;
    private static WebClient http;
    /** The session open the new simulated clock started at. */
    private static Instant open;
    /** The real time just before the start. */
    private static Instant startedAt;

    @BeforeAll
    static void start() {
        dir = TestContexts.tempDir("scanner-sim");
        Path database = TestContexts.migratedDatabase(dir);
        sql = new ScannerFixture.Sql(database);
        startedAt = Instant.now();
        running = ScannerFixture.start(ScannerFixture.settings(dir, database,
                Map.of("market.data", "sim", "sim.speed", "60", "ingest.interval-ms", "200")));
        http = ScannerFixture.client(running.port());
        open = Instant.ofEpochMilli(sql.count("SELECT market_anchor FROM market_clock"));
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.stop();
        }
        TestContexts.delete(dir);
    }

    @Test
    @Order(1)
    void aNewSimulatedClockStartsAtTheLatestSessionOpen() {
        // the open of the latest session at or before the real time of the start, whatever the hour
        assertThat(open).isEqualTo(CALENDAR.latestOpen(startedAt));
        assertThat(open.atZone(NyseCalendar.ZONE).toLocalTime()).isEqualTo(NyseCalendar.OPEN);
        assertThat(sql.count("SELECT count(*) FROM market_clock WHERE source = 'sim' AND speed = 60")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theUniverseListsTheFiftyOneSimulatedSymbolsWithTheirNames() {
        Replies reply = Replies.get(http, "/api/universe");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).hasValue("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("source").asText()).isEqualTo("sim");
        assertThat(body.path("count").asInt()).isEqualTo(UNIVERSE);
        assertThat(body.path("symbols")).hasSize(UNIVERSE);
        List<String> symbols = new ArrayList<>();
        body.path("symbols").forEach(s -> {
            symbols.add(s.path("symbol").asText());
            assertThat(s.path("name").asText()).as("name of %s", s).isNotBlank().isNotEqualTo(s.path("symbol").asText());
        });
        assertThat(symbols).contains("AAPL", "MSFT").doesNotHaveDuplicates().isSorted();
        assertThat(sql.count("SELECT count(*) FROM universe_symbol")).isEqualTo(UNIVERSE);
    }

    @Test
    @Order(3)
    void theClockIsOpenInNewYorkTimeOnTheSimulatedSource() {
        JsonNode clock = Replies.get(http, "/api/clock").json();

        assertThat(clock.path("is_open").asBoolean()).isTrue();
        assertThat(clock.path("source").asText()).isEqualTo("sim");
        assertThat(clock.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(clock.path("speed").asDouble()).isEqualTo(60.0);
        OffsetDateTime timestamp = OffsetDateTime.parse(clock.path("timestamp").asText());
        Instant now = timestamp.toInstant();
        assertThat(timestamp.getOffset()).isEqualTo(NyseCalendar.ZONE.getRules().getOffset(now));
        assertThat(clock.path("timestamp").asText()).matches(".*-0[45]:00");
        assertThat(now).isAfterOrEqualTo(open).isBefore(open.plus(Duration.ofMinutes(30)));
        assertThat(OffsetDateTime.parse(clock.path("next_close").asText()).toInstant())
                .isEqualTo(CALENDAR.session(NyseCalendar.dateOf(open)).orElseThrow().close());
        Instant through = OffsetDateTime.parse(clock.path("ingested_through").asText()).toInstant();
        assertThat(through).isAfterOrEqualTo(open).isBeforeOrEqualTo(now);
    }

    @Test
    @Order(4)
    void backfillStoredTwentyDailyBarsPerSymbolAndThePreviousSessionsMinuteBarsWithTheirRollUps() {
        Session previous = CALENDAR.session(CALENDAR.previousTradingDay(NyseCalendar.dateOf(open))).orElseThrow();
        int minutes = previous.minutes();

        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Day' AND time < ?", open.toEpochMilli()))
                .isEqualTo(20L * UNIVERSE);
        assertThat(sql.count("SELECT count(DISTINCT symbol) FROM bar WHERE timeframe = '1Day'")).isEqualTo(UNIVERSE);
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Day' AND symbol = 'AAPL'")).isEqualTo(20);
        List<Bar> daily = sql.bars("AAPL", Timeframe.DAY_1);
        assertThat(daily.getLast().time()).isEqualTo(previous.open());
        assertThat(daily).allSatisfy(d -> assertThat(d.time().atZone(NyseCalendar.ZONE).toLocalTime())
                .isEqualTo(NyseCalendar.OPEN));

        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time >= ? AND time < ?",
                previous.open().toEpochMilli(), previous.close().toEpochMilli())).isEqualTo((long) minutes * UNIVERSE);
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time < ?",
                previous.open().toEpochMilli())).isZero();
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '5Min' AND time < ?", open.toEpochMilli()))
                .isEqualTo((long) (minutes + 4) / 5 * UNIVERSE);
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '15Min' AND time < ?", open.toEpochMilli()))
                .isEqualTo((long) (minutes + 14) / 15 * UNIVERSE);
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Hour' AND time < ?", open.toEpochMilli()))
                .isEqualTo((long) (minutes + 59) / 60 * UNIVERSE);

        // the previous session's daily bar is the roll-up of its stored minutes
        List<Bar> prevMinutes = sql.bars("AAPL", Timeframe.MIN_1, previous.open(), previous.close());
        assertThat(daily.getLast()).isEqualTo(Ohlcv.aggregate("AAPL", previous.open(), prevMinutes));
    }

    @Test
    @Order(5)
    void atSpeedSixtyNewMinuteBarsOfEverySymbolReachTheDatabaseEverySecond() throws InterruptedException {
        long last = sql.bars(Timeframe.MIN_1, open);
        long started = System.nanoTime();
        long lastArrival = started;
        long longestWait = 0;
        List<Long> increments = new ArrayList<>();
        while (System.nanoTime() - started < Duration.ofMillis(3500).toNanos()) {
            long now = sql.bars(Timeframe.MIN_1, open);
            if (now != last) {
                long at = System.nanoTime();
                increments.add(now - last);
                longestWait = Math.max(longestWait, at - lastArrival);
                lastArrival = at;
                last = now;
            }
            Thread.sleep(25);
        }
        longestWait = Math.max(longestWait, System.nanoTime() - lastArrival);

        // one simulated minute per real second, all 51 symbols' bars of a minute in one transaction
        assertThat(increments).hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> assertThat(n % UNIVERSE).isZero());
        long minutesAdded = increments.stream().mapToLong(Long::longValue).sum() / UNIVERSE;
        assertThat(minutesAdded).isBetween(2L, 5L);
        assertThat(Duration.ofNanos(longestWait)).isLessThan(Duration.ofMillis(2000));

        // the newest minute is the one that just completed on the simulated clock
        Instant clock = OffsetDateTime.parse(Replies.get(http, "/api/clock").json().path("timestamp").asText()).toInstant();
        List<Bar> today = sql.bars("AAPL", Timeframe.MIN_1, open, clock);
        assertThat(today.getLast().time()).isBetween(clock.minus(Duration.ofMinutes(3)), clock.minus(Duration.ofMinutes(1)));
        assertThat(today.getFirst().time()).isEqualTo(open);
    }

    @Test
    @Order(6)
    void fiveMinuteBarsAppearOnceFiveSimulatedMinutesPassedAndAreTheRollUpOfTheirMinutes() {
        ScannerFixture.await(Duration.ofSeconds(10), "the first 5Min bars of the session",
                () -> sql.bars(Timeframe.MIN_5, open) >= UNIVERSE);

        assertThat(sql.ingestedThrough()).isAfterOrEqualTo(open.plus(Duration.ofMinutes(5)));
        assertThat(sql.count("SELECT count(DISTINCT symbol) FROM bar WHERE timeframe = '5Min' AND time = ?",
                open.toEpochMilli())).isEqualTo(UNIVERSE);
        for (String symbol : List.of("AAPL", "MSFT", "TSLA")) {
            Bar five = sql.bars(symbol, Timeframe.MIN_5, open, open.plusSeconds(1)).getFirst();
            List<Bar> minutes = sql.bars(symbol, Timeframe.MIN_1, open, open.plus(Duration.ofMinutes(5)));
            assertThat(minutes).hasSize(5);
            assertThat(five).isEqualTo(Ohlcv.aggregate(symbol, open, minutes));
        }
        // no bucket is stored before it is complete
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '5Min' AND time + 300000 > ?",
                sql.ingestedThrough().toEpochMilli())).isZero();
    }

    @Test
    @Order(7)
    void barsAreServedInTheContractShapeOldestFirstWithTheLimitHonoured() {
        Replies reply = Replies.get(http, "/api/bars/AAPL?timeframe=1Min&limit=3");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).hasValue("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(body.path("timeframe").asText()).isEqualTo("1Min");
        JsonNode bars = body.path("bars");
        assertThat(bars).hasSize(3);
        List<Instant> times = new ArrayList<>();
        for (JsonNode bar : bars) {
            assertThat(iterable(bar.fieldNames())).containsExactlyInAnyOrder("time", "open", "high", "low", "close", "volume");
            assertThat(bar.path("time").asText()).endsWith("Z");
            times.add(Instant.parse(bar.path("time").asText()));
            for (String n : List.of("open", "high", "low", "close", "volume")) {
                assertThat(bar.path(n).isNumber()).as("%s of %s is a number", n, bar).isTrue();
            }
            assertThat(bar.path("low").decimalValue()).isLessThanOrEqualTo(bar.path("high").decimalValue());
        }
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(Duration.between(times.getFirst(), times.getLast())).isEqualTo(Duration.ofMinutes(2));
        // the latest bars when more exist, matching what is stored
        Bar stored = sql.bars("AAPL", Timeframe.MIN_1, times.getLast(), times.getLast().plusSeconds(60)).getFirst();
        assertThat(bars.get(2).path("close").decimalValue()).isEqualByComparingTo(stored.close());
        assertThat(bars.get(2).path("volume").asLong()).isEqualTo(stored.volume());

        // a window: start inclusive, end exclusive
        Session previous = CALENDAR.session(CALENDAR.previousTradingDay(NyseCalendar.dateOf(open))).orElseThrow();
        JsonNode window = Replies.get(http, "/api/bars/msft?timeframe=5Min&start=" + previous.open()
                + "&end=" + previous.open().plus(Duration.ofMinutes(30))).json();
        assertThat(window.path("symbol").asText()).isEqualTo("MSFT");
        assertThat(window.path("bars")).hasSize(6);
        assertThat(window.path("bars").get(0).path("time").asText()).isEqualTo(previous.open().toString());

        JsonNode daily = Replies.get(http, "/api/bars/AAPL?timeframe=1Day").json().path("bars");
        assertThat(daily).hasSize(20);
        assertThat(Instant.parse(daily.get(0).path("time").asText())).isBefore(Instant.parse(daily.get(19).path("time").asText()));
    }

    @Test
    @Order(8)
    void quotesOfTheSimulatedMarketAreServedWithBidBelowAsk() {
        JsonNode quote = Replies.get(http, "/api/quotes/AAPL").json();

        assertThat(quote.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(quote.path("bid").decimalValue()).isPositive().isLessThan(quote.path("ask").decimalValue());
        assertThat(quote.path("spread").decimalValue()).isPositive();
        assertThat(Instant.parse(quote.path("time").asText())).isAfterOrEqualTo(open);
    }

    @Test
    @Order(9)
    void aScanWithoutCriteriaRanksTheUniverseByChangeAndIsStoredAndReadable() {
        long scansBefore = sql.scans();

        Replies reply = Replies.post(http, "/api/scan", "{}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.contentType()).hasValue("application/json");
        JsonNode scan = reply.json();
        long id = scan.path("id").asLong();
        assertThat(id).isPositive();
        assertThat(scan.path("universe_size").asInt()).isEqualTo(UNIVERSE);
        assertThat(scan.path("matched").asInt()).isEqualTo(UNIVERSE);
        assertThat(scan.path("preset").isNull()).isTrue();
        assertThat(scan.path("criteria").path("top_n").asInt()).isEqualTo(20);
        assertThat(scan.path("criteria").path("sort_by").asText()).isEqualTo("change_percent");
        JsonNode candidates = scan.path("candidates");
        assertThat(candidates).hasSize(20);
        List<BigDecimal> changes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode c = candidates.get(i);
            assertThat(c.path("rank").asInt()).isEqualTo(i + 1);
            assertThat(c.path("name").asText()).isNotBlank();
            assertThat(c.path("metrics").path("last").decimalValue()).isPositive();
            assertThat(c.path("metrics").path("prev_close").decimalValue()).isPositive();
            changes.add(c.path("metrics").path("change_percent").decimalValue());
        }
        assertThat(changes).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(sql.scans()).isEqualTo(scansBefore + 1);
        assertThat(sql.count("SELECT count(*) FROM scan_candidate WHERE scan_id = ?", id)).isEqualTo(20);

        JsonNode stored = Replies.get(http, "/api/scans/" + id).json();
        assertThat(stored.path("id").asLong()).isEqualTo(id);
        assertThat(stored.path("matched").asInt()).isEqualTo(UNIVERSE);
        assertThat(stored.path("criteria")).isEqualTo(scan.path("criteria"));
        assertThat(stored.path("market_time").asText()).isEqualTo(scan.path("market_time").asText());
        assertThat(stored.path("created_at").asText()).isEqualTo(scan.path("created_at").asText());
        for (int i = 0; i < candidates.size(); i++) {
            assertThat(stored.path("candidates").get(i).path("symbol")).isEqualTo(candidates.get(i).path("symbol"));
            assertThat(stored.path("candidates").get(i).path("metrics")).isEqualTo(candidates.get(i).path("metrics"));
            assertThat(stored.path("candidates").get(i).path("qualified_by")).isEqualTo(candidates.get(i).path("qualified_by"));
        }
    }

    @Test
    @Order(10)
    void everyPresetScansAndIsStoredWithItsName() {
        int gainersAndLosers = 0;
        for (Preset preset : Preset.values()) {
            Replies reply = Replies.post(http, "/api/scan", "{\"preset\": \"" + preset.label() + "\"}");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            JsonNode scan = reply.json();
            assertThat(scan.path("preset").asText()).isEqualTo(preset.label());
            assertThat(scan.path("universe_size").asInt()).isEqualTo(UNIVERSE);
            int matched = scan.path("matched").asInt();
            JsonNode candidates = scan.path("candidates");
            assertThat(candidates.isArray()).isTrue();
            assertThat(candidates.size()).isEqualTo(Math.min(matched, 20));
            for (JsonNode c : candidates) {
                JsonNode m = c.path("metrics");
                assertThat(c.path("qualified_by").size()).as("qualified_by of %s", c).isPositive();
                switch (preset) {
                    case TOP_GAINERS -> assertThat(m.path("change_percent").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    case TOP_LOSERS -> assertThat(m.path("change_percent").decimalValue()).isLessThanOrEqualTo(BigDecimal.ZERO);
                    case GAPPERS -> {
                        assertThat(m.path("gap_percent").decimalValue().abs()).isGreaterThanOrEqualTo(BigDecimal.valueOf(3));
                        assertThat(m.path("last").decimalValue()).isBetween(BigDecimal.valueOf(2), BigDecimal.valueOf(500));
                    }
                    case UNUSUAL_VOLUME -> assertThat(m.path("relative_volume").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.valueOf(2));
                    case MOMENTUM -> {
                        assertThat(m.path("change_percent").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.valueOf(2));
                        assertThat(m.path("change_from_open_percent").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                    }
                }
            }
            if (preset == Preset.TOP_GAINERS || preset == Preset.TOP_LOSERS) {
                gainersAndLosers += matched;
                assertThat(candidates).isNotEmpty();
            }
            JsonNode stored = Replies.get(http, "/api/scans/" + scan.path("id").asLong()).json();
            assertThat(stored.path("preset").asText()).isEqualTo(preset.label());
            assertThat(stored.path("matched").asInt()).isEqualTo(matched);
            assertThat(stored.path("candidates")).hasSize(candidates.size());
        }
        // every symbol is up or down (or flat, then both) on the day
        assertThat(gainersAndLosers).isGreaterThanOrEqualTo(UNIVERSE);
    }

    @Test
    @Order(11)
    void criteriaFilterAndSortTheCandidates() {
        JsonNode band = Replies.post(http, "/api/scan",
                "{\"min_price\": 50, \"max_price\": 300, \"sort_by\": \"price\", \"sort_descending\": false, \"top_n\": 5}").json();

        assertThat(band.path("candidates")).hasSize(5);
        List<BigDecimal> prices = new ArrayList<>();
        band.path("candidates").forEach(c -> prices.add(c.path("metrics").path("last").decimalValue()));
        assertThat(prices).allSatisfy(p -> assertThat(p).isBetween(BigDecimal.valueOf(50), BigDecimal.valueOf(300)))
                .isSorted();
        assertThat(band.path("matched").asInt()).isBetween(5, UNIVERSE - 1);
        assertThat(band.path("criteria").path("min_price").decimalValue()).isEqualByComparingTo("50");

        JsonNode gappersLoosened = Replies.post(http, "/api/scan",
                "{\"preset\": \"gappers\", \"min_abs_gap_percent\": 0, \"top_n\": 100}").json();
        assertThat(gappersLoosened.path("criteria").path("min_abs_gap_percent").decimalValue()).isEqualByComparingTo("0");
        assertThat(gappersLoosened.path("criteria").path("min_avg_volume").decimalValue()).isEqualByComparingTo("500000");
        List<BigDecimal> gaps = new ArrayList<>();
        gappersLoosened.path("candidates").forEach(c -> gaps.add(c.path("metrics").path("gap_percent").decimalValue().abs()));
        assertThat(gaps).isNotEmpty().isSortedAccordingTo((a, b) -> b.compareTo(a));

        JsonNode none = Replies.post(http, "/api/scan", "{\"min_avg_volume\": 1000000000000}").json();
        assertThat(none.path("matched").asInt()).isZero();
        assertThat(none.path("candidates")).isEmpty();
    }

    @Test
    @Order(12)
    void storedScansAreListedNewestFirstWithTheirSymbols() {
        long newest = sql.count("SELECT max(id) FROM scan");

        JsonNode list = Replies.get(http, "/api/scans?limit=3").json().path("scans");

        assertThat(list).hasSize(3);
        assertThat(list.get(0).path("id").asLong()).isEqualTo(newest);
        assertThat(list.get(1).path("id").asLong()).isEqualTo(newest - 1);
        assertThat(list.get(0).path("symbols").isArray()).isTrue();
        JsonNode all = Replies.get(http, "/api/scans").json().path("scans");
        assertThat(all.size()).isEqualTo((int) Math.min(20, sql.scans()));
        JsonNode first = Replies.get(http, "/api/scans?limit=500").json().path("scans").get((int) sql.scans() - 1);
        assertThat(first.path("symbols")).hasSize(20);
        assertThat(first.path("preset").isNull()).isTrue();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
