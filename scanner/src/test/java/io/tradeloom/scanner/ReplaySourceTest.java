package io.tradeloom.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.api.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.Settings;
import io.tradeloom.testkit.Replies;
import io.tradeloom.testkit.TestContexts;

/** MARKET_DATA=replay: minute bars from CSV files in REPLAY_DIR, replayed on the clock. */
class ReplaySourceTest {

    /** Two sessions in standard time: 09:30 New York = 14:30 UTC. */
    private static final Instant DAY1 = Instant.parse("2025-03-03T14:30:00Z");
    private static final Instant DAY2 = Instant.parse("2025-03-04T14:30:00Z");
    private static final int MINUTES = 30;

    private Path dir;
    private Path replay;
    private Path database;
    private ScannerFixture.Sql sql;
    private ServiceKit.RunningService running;
    /** What the files hold, by symbol, in time order. */
    private final Map<String, List<Bar>> written = new LinkedHashMap<>();

    @BeforeEach
    void createDirectories() throws IOException {
        dir = TestContexts.tempDir("scanner-replay");
        replay = Files.createDirectory(dir.resolve("replay"));
        database = TestContexts.migratedDatabase(dir);
        sql = new ScannerFixture.Sql(database);
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
        TestContexts.delete(dir);
    }

    /** Minute bars from 09:30 of each day, a deterministic walk around {@code base}, high >= open, close >= low. */
    private static List<Bar> walk(String symbol, BigDecimal base, Instant... days) {
        List<Bar> bars = new ArrayList<>();
        BigDecimal close = base;
        int i = 0;
        for (Instant day : days) {
            for (int m = 0; m < MINUTES; m++, i++) {
                BigDecimal open = close;
                close = open.add(new BigDecimal(((i * 7) % 11 - 5) * 3).movePointLeft(2));
                BigDecimal high = open.max(close).add(new BigDecimal("0.05"));
                BigDecimal low = open.min(close).subtract(new BigDecimal("0.04"));
                bars.add(new Bar(symbol, day.plus(Duration.ofMinutes(m)), open, high, low, close, 1000 + 37L * i));
            }
        }
        return bars;
    }

    private void writeCsv(String symbol, List<Bar> bars) throws IOException {
        StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
        for (Bar b : bars) {
            csv.append(b.time()).append(',').append(b.open().toPlainString()).append(',').append(b.high().toPlainString())
                    .append(',').append(b.low().toPlainString()).append(',').append(b.close().toPlainString())
                    .append(',').append(b.volume()).append('\n');
        }
        Files.writeString(replay.resolve(symbol + "_1Min.csv"), csv, StandardCharsets.UTF_8);
        written.put(symbol, bars);
    }

    private void writeTwoSessions() throws IOException {
        writeCsv("AAPL", walk("AAPL", new BigDecimal("229.50"), DAY1, DAY2));
        writeCsv("MSFT", walk("MSFT", new BigDecimal("401.25"), DAY1, DAY2));
    }

    private Settings settings(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of("market.data", "replay", "replay.dir", replay.toString(),
                "ingest.interval-ms", "100"));
        keys.putAll(extra);
        return ScannerFixture.settings(dir, database, keys);
    }

    private Bar writtenAt(String symbol, Instant time) {
        return written.get(symbol).stream().filter(b -> b.time().equals(time)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + symbol + " bar at " + time + " in the file"));
    }

    private void assertSameAsWritten(String symbol, JsonNode bar) {
        Bar file = writtenAt(symbol, Instant.parse(bar.path("time").asText()));
        assertThat(bar.path("open").decimalValue()).isEqualByComparingTo(file.open());
        assertThat(bar.path("high").decimalValue()).isEqualByComparingTo(file.high());
        assertThat(bar.path("low").decimalValue()).isEqualByComparingTo(file.low());
        assertThat(bar.path("close").decimalValue()).isEqualByComparingTo(file.close());
        assertThat(bar.path("volume").asLong()).isEqualTo(file.volume());
    }

    @Test
    void barsFromTheFilesAreReplayedFromTheFirstSessionsOpenAndQuotesAreMadeUpAroundTheLastClose() throws IOException {
        writeTwoSessions();

        running = ScannerFixture.start(settings(Map.of("replay.speed", "1200")));
        WebClient http = ScannerFixture.client(running.port());

        JsonNode clock = Replies.get(http, "/api/clock").json();
        assertThat(clock.path("source").asText()).isEqualTo("replay");
        assertThat(clock.path("is_open").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(clock.path("timestamp").asText()).toInstant()).isAfterOrEqualTo(DAY1)
                .isBefore(DAY1.plus(Duration.ofHours(2)));
        JsonNode universe = Replies.get(http, "/api/universe").json();
        assertThat(universe.path("count").asInt()).isEqualTo(2);
        assertThat(universe.path("symbols").findValuesAsText("symbol")).containsExactly("AAPL", "MSFT");

        ScannerFixture.await(Duration.ofSeconds(10), "ten replayed minutes of AAPL",
                () -> sql.bars("AAPL", Timeframe.MIN_1).size() >= 10);
        JsonNode bars = Replies.get(http, "/api/bars/AAPL?timeframe=1Min").json().path("bars");
        assertThat(bars.size()).isGreaterThanOrEqualTo(10);
        assertThat(bars.get(0).path("time").asText()).isEqualTo(DAY1.toString());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(Instant.parse(bars.get(i).path("time").asText())).isEqualTo(DAY1.plus(Duration.ofMinutes(i)));
            assertSameAsWritten("AAPL", bars.get(i));
        }
        JsonNode msft = Replies.get(http, "/api/bars/MSFT?timeframe=1Min&limit=1").json().path("bars").get(0);
        assertSameAsWritten("MSFT", msft);

        for (String symbol : List.of("AAPL", "MSFT")) {
            JsonNode quote = Replies.get(http, "/api/quotes/" + symbol).json();
            Instant time = Instant.parse(quote.path("time").asText());
            BigDecimal close = writtenAt(symbol, time.minus(Duration.ofMinutes(1))).close();
            assertThat(quote.path("bid").decimalValue()).as("bid of %s", quote).isLessThan(close);
            assertThat(quote.path("ask").decimalValue()).as("ask of %s", quote).isGreaterThan(close);
            // two basis points either side by default, to the cent
            assertThat(quote.path("ask").decimalValue().subtract(quote.path("bid").decimalValue()))
                    .isLessThanOrEqualTo(close.multiply(new BigDecimal("0.0004")).add(new BigDecimal("0.02")));
        }
        // the 09:30 five-minute bucket is rolled up from the replayed minutes
        ScannerFixture.await(Duration.ofSeconds(5), "the first 5Min bar", () -> !sql.bars("AAPL", Timeframe.MIN_5).isEmpty());
        assertThat(sql.bars("AAPL", Timeframe.MIN_5).getFirst()).isEqualTo(Ohlcv.aggregate("AAPL", DAY1,
                sql.bars("AAPL", Timeframe.MIN_1, DAY1, DAY1.plus(Duration.ofMinutes(5)))));
    }

    @Test
    void startingAtTheSecondSessionBackfillsTheFirstFromTheFiles() throws IOException {
        writeTwoSessions();

        running = ScannerFixture.start(settings(Map.of("sim.start", "2025-03-04", "replay.speed", "600")));

        // the previous session's minutes exactly as written, its roll-ups, and its daily bar
        for (String symbol : List.of("AAPL", "MSFT")) {
            List<Bar> firstDay = written.get(symbol).subList(0, MINUTES);
            List<Bar> stored = sql.bars(symbol, Timeframe.MIN_1, DAY1, DAY2);
            assertThat(stored).hasSize(MINUTES);
            for (int i = 0; i < MINUTES; i++) {
                assertThat(stored.get(i).time()).isEqualTo(firstDay.get(i).time());
                assertThat(stored.get(i).close()).isEqualByComparingTo(firstDay.get(i).close());
                assertThat(stored.get(i).volume()).isEqualTo(firstDay.get(i).volume());
            }
            assertThat(sql.bars(symbol, Timeframe.MIN_5, DAY1, DAY2)).hasSize(6);
            assertThat(sql.bars(symbol, Timeframe.DAY_1)).containsExactly(Ohlcv.aggregate(symbol, DAY1, stored));
        }
        assertThat(Instant.ofEpochMilli(sql.count("SELECT market_anchor FROM market_clock"))).isEqualTo(DAY2);

        // and the second session streams in on the clock
        ScannerFixture.await(Duration.ofSeconds(10), "the second session's first minutes",
                () -> sql.bars("MSFT", Timeframe.MIN_1, DAY2, DAY2.plus(Duration.ofHours(1))).size() >= 3);
        assertThat(sql.bars("MSFT", Timeframe.MIN_1, DAY2, DAY2.plus(Duration.ofHours(1))).getFirst().close())
                .isEqualByComparingTo(writtenAt("MSFT", DAY2).close());
    }

    @Test
    void aMalformedRowStopsTheStartNamingTheFileAndLineAndNothingIsLoaded() throws IOException {
        writeCsv("AAPL", walk("AAPL", new BigDecimal("229.50"), DAY1, DAY2));
        List<String> lines = new ArrayList<>(List.of("time,open,high,low,close,volume"));
        for (Bar b : walk("MSFT", new BigDecimal("401.25"), DAY1)) {
            lines.add(b.time() + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + "," + b.volume());
        }
        lines.set(6, "2025-03-03T14:35:00Z,401.00,400.50,401.50,401.00,1200"); // line 7: high below low
        Files.write(replay.resolve("MSFT_1Min.csv"), lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> running = ScannerFixture.start(settings(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MSFT_1Min.csv")
                .hasMessageContaining("line 7")
                .hasMessageContaining("high");

        assertThat(sql.count("SELECT count(*) FROM bar")).isZero();
        assertThat(sql.count("SELECT count(*) FROM bar WHERE symbol = 'MSFT'")).isZero();
        assertThat(sql.count("SELECT count(*) FROM market_clock")).isZero();
        assertThat(sql.count("SELECT count(*) FROM universe_symbol")).isZero();
    }

    @Test
    void aDirectoryWithoutMinuteFilesOrThatDoesNotExistStopsTheStartNamingReplayDir() throws IOException {
        Files.writeString(replay.resolve("README.txt"), "not a csv");

        assertThatThrownBy(() -> running = ScannerFixture.start(settings(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REPLAY_DIR")
                .hasMessageContaining("_1Min.csv");
        assertThatThrownBy(() -> running = ScannerFixture.start(settings(Map.of("replay.dir", dir.resolve("missing").toString()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REPLAY_DIR")
                .hasMessageContaining("missing");
        assertThat(sql.count("SELECT count(*) FROM market_clock")).isZero();
    }
}
