package io.tradeloom.scanner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.helidon.webclient.api.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.clock.Session;
import io.tradeloom.platform.ConfigurationException;
import io.tradeloom.platform.ServiceId;
import io.tradeloom.platform.ServiceKit;
import io.tradeloom.platform.logging.LogSetup;
import io.tradeloom.testkit.Replies;
import io.tradeloom.testkit.TestContexts;

/**
 * MARKET_DATA=alpaca against a fake Alpaca Market Data API (WireMock on 127.0.0.1) answering its documented JSON.
 * The source runs on real time, so the sessions involved are those around now.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlpacaSourceTest {

    private static final String KEY = "PKTEST7Q2M4X9Z1W3E5R";
    private static final String SECRET = "sEcReT9f8e7d6c5b4aNeverLogged";
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT");
    private static final NyseCalendar CALENDAR = new NyseCalendar();
    /** Loggers of the test's own machinery, kept quiet (and held: JUL holds loggers weakly). */
    private static final List<Logger> QUIET = Stream.of("io.helidon", "org.eclipse.jetty", "com.github.tomakehurst",
            "wiremock", "org.jooq", "org.flywaydb", "com.zaxxer", "jdk", "sun", "java", "javax").map(Logger::getLogger).toList();

    private static Path dir;
    private static Path logs;
    private static WireMockServer alpaca;
    private static FakeAlpaca fake;
    private static ScannerFixture.Sql sql;
    private static ServiceKit.RunningService running;
    private static WebClient http;
    private static Instant startOpen;
    private static Session previous;
    /** The 20 sessions before the start, oldest first. */
    private static List<LocalDate> history;

    @BeforeAll
    static void start() throws IOException {
        dir = TestContexts.tempDir("scanner-alpaca");
        logs = dir.resolve("logs");
        // The service's logging as main sets it up, one level finer so that the Alpaca client's request lines show.
        LogSetup.configure(ServiceId.SCANNER, logs, Level.FINE);
        QUIET.forEach(l -> l.setLevel(Level.INFO));

        Instant now = Instant.now();
        startOpen = CALENDAR.latestOpen(now);
        LocalDate startDay = NyseCalendar.dateOf(startOpen);
        previous = CALENDAR.session(CALENDAR.previousTradingDay(startDay)).orElseThrow();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = startDay; days.size() < 23; d = CALENDAR.previousTradingDay(d)) {
            days.addFirst(d);
        }
        history = days.subList(2, 22);
        fake = new FakeAlpaca(SYMBOLS, days, List.of(previous.date(), startDay));

        alpaca = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(fake));
        alpaca.start();
        alpaca.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40410000,\"message\":\"endpoint not found\"}")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).atPriority(1).willReturn(aResponse().withTransformers(FakeAlpaca.NAME)));
        String quoteTime = now.minusSeconds(5).toString();
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/quotes/latest")).atPriority(1).willReturn(okJson("{\"quotes\":{"
                + "\"AAPL\":{\"t\":\"" + quoteTime + "\",\"ax\":\"V\",\"ap\":230.15,\"as\":3,\"bx\":\"V\",\"bp\":230.05,\"bs\":2,\"c\":[\"R\"],\"z\":\"C\"},"
                + "\"MSFT\":{\"t\":\"" + quoteTime + "\",\"ax\":\"V\",\"ap\":401.30,\"as\":1,\"bx\":\"V\",\"bp\":401.10,\"bs\":4,\"c\":[\"R\"],\"z\":\"C\"}}}")));

        Path database = TestContexts.migratedDatabase(dir);
        sql = new ScannerFixture.Sql(database);
        running = ScannerFixture.start(ScannerFixture.settings(dir, database, Map.of(
                "market.data", "alpaca",
                "alpaca.data-url", "http://127.0.0.1:" + alpaca.port(),
                "alpaca.symbols", "AAPL,MSFT",
                "alpaca.paper-api-key", KEY,
                "alpaca.paper-api-secret", SECRET,
                "ingest.interval-ms", "200")));
        http = ScannerFixture.client(running.port());
    }

    @AfterAll
    static void stop() {
        try {
            if (running != null) {
                running.stop();
            }
            if (alpaca != null) {
                alpaca.stop();
            }
        } finally {
            // JUL's defaults back: the files closed, INFO and above to the console.
            LogManager.getLogManager().reset();
            Logger root = Logger.getLogger("");
            root.setLevel(Level.INFO);
            root.addHandler(new ConsoleHandler());
            QUIET.forEach(l -> l.setLevel(null));
            TestContexts.delete(dir);
        }
    }

    @Test
    @Order(1)
    void theClockRunsOnRealTimeAndTheUniverseIsTheConfiguredSymbols() {
        JsonNode clock = Replies.get(http, "/api/clock").json();

        assertThat(clock.path("source").asText()).isEqualTo("alpaca");
        assertThat(clock.path("speed").asDouble()).isEqualTo(1.0);
        assertThat(OffsetDateTime.parse(clock.path("timestamp").asText()).toInstant())
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
        JsonNode universe = Replies.get(http, "/api/universe").json();
        assertThat(universe.path("source").asText()).isEqualTo("alpaca");
        assertThat(universe.path("symbols").findValuesAsText("symbol")).containsExactly("AAPL", "MSFT");
        assertThat(universe.path("symbols").findValuesAsText("name")).containsExactly("Apple Inc.", "Microsoft Corporation");
    }

    @Test
    @Order(2)
    void backfillStoresTheTwentyPreviousSessionsDailyBarsOncePerSessionStampedAtTheOpen() {
        for (String symbol : SYMBOLS) {
            List<Bar> stored = sql.bars(symbol, Timeframe.DAY_1, Instant.EPOCH, startOpen);

            assertThat(stored).extracting(Bar::time).as("%s daily bars", symbol)
                    .containsExactlyElementsOf(history.stream()
                            .map(d -> CALENDAR.session(d).orElseThrow().open()).toList());
            for (Bar bar : stored) {
                Bar alpacas = fake.daily(symbol).stream()
                        .filter(b -> NyseCalendar.dateOf(b.time()).equals(NyseCalendar.dateOf(bar.time())))
                        .findFirst().orElseThrow();
                assertThat(bar.open()).isEqualByComparingTo(alpacas.open());
                assertThat(bar.high()).isEqualByComparingTo(alpacas.high());
                assertThat(bar.low()).isEqualByComparingTo(alpacas.low());
                assertThat(bar.close()).isEqualByComparingTo(alpacas.close());
                assertThat(bar.volume()).isEqualTo(alpacas.volume());
            }
        }
        // one daily bar per session, whoever made it (the backfill or the roll-up of a session that ended since)
        for (String symbol : SYMBOLS) {
            assertThat(sql.bars(symbol, Timeframe.DAY_1)).extracting(b -> NyseCalendar.dateOf(b.time()))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    @Order(3)
    void backfillStoresThePreviousSessionsRegularHoursMinutesAsAlpacaSentThem() {
        for (String symbol : SYMBOLS) {
            List<Bar> stored = sql.bars(symbol, Timeframe.MIN_1, previous.open().minus(Duration.ofHours(6)),
                    previous.close().plus(Duration.ofHours(5)));
            List<Bar> regular = fake.minutes(symbol).stream()
                    .filter(b -> !b.time().isBefore(previous.open()) && b.time().isBefore(previous.close())).toList();

            assertThat(stored).hasSize(previous.minutes());
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i).time()).isEqualTo(regular.get(i).time());
                assertThat(stored.get(i).close()).isEqualByComparingTo(regular.get(i).close());
                assertThat(stored.get(i).volume()).isEqualTo(regular.get(i).volume());
            }
            assertThat(sql.bars(symbol, Timeframe.MIN_5, previous.open(), previous.close()))
                    .hasSize((previous.minutes() + 4) / 5);
        }
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min'")).isEqualTo(
                sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time < ?", previous.close().toEpochMilli())
                        + sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time >= ? AND time < ?",
                        startOpen.toEpochMilli(), CALENDAR.sessionAt(startOpen).orElseThrow().close().toEpochMilli()));
    }

    @Test
    @Order(4)
    void quotesAreAlpacasLatestQuotes() {
        ScannerFixture.await(Duration.ofSeconds(10), "a stored quote", () -> sql.count("SELECT count(*) FROM quote") == 2);

        JsonNode quote = Replies.get(http, "/api/quotes/AAPL").json();

        assertThat(quote.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(quote.path("bid").decimalValue()).isEqualByComparingTo("230.05");
        assertThat(quote.path("ask").decimalValue()).isEqualByComparingTo("230.15");
        assertThat(quote.path("bid_size").asLong()).isEqualTo(2);
        assertThat(quote.path("ask_size").asLong()).isEqualTo(3);
        assertThat(Replies.get(http, "/api/quotes/msft").json().path("ask").decimalValue()).isEqualByComparingTo("401.30");
    }

    @Test
    @Order(5)
    void minuteBarsOfTheRunningSessionAreIngestedAndFeedTheScan() {
        Session session = CALENDAR.sessionAt(startOpen).orElseThrow();
        ScannerFixture.await(Duration.ofSeconds(10), "minute bars of the session since the start",
                () -> !sql.bars("AAPL", Timeframe.MIN_1, startOpen, session.close()).isEmpty()
                        || Instant.now().isBefore(startOpen.plusSeconds(75)));
        Assumptions.assumeTrue(Instant.now().isAfter(startOpen.plusSeconds(75)),
                "the session opened too recently for a minute bar to be complete");

        // regular hours only: Alpaca's pre- and post-market minutes are not stored
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time >= ? AND time < ?",
                previous.close().toEpochMilli(), startOpen.toEpochMilli())).isZero();
        assertThat(sql.count("SELECT count(*) FROM bar WHERE timeframe = '1Min' AND time >= ?",
                session.close().toEpochMilli())).isZero();

        Bar before = sql.bars("AAPL", Timeframe.MIN_1, startOpen, session.close()).getLast();
        JsonNode scan = Replies.post(http, "/api/scan", "{\"sort_by\": \"price\", \"sort_descending\": false}").json();
        Bar after = sql.bars("AAPL", Timeframe.MIN_1, startOpen, session.close()).getLast();

        JsonNode aapl = scan.path("candidates").get(0);
        assertThat(aapl.path("symbol").asText()).isEqualTo("AAPL");
        assertThat(Instant.parse(aapl.path("metrics").path("as_of").asText())).as("scanned on today's minutes")
                .isAfter(startOpen);
        assertThat(List.of(before.close(), after.close())).as("the latest minute's close")
                .anySatisfy(close -> assertThat(aapl.path("metrics").path("last").decimalValue()).isEqualByComparingTo(close));
        assertThat(aapl.path("metrics").path("prev_close").decimalValue())
                .isEqualByComparingTo(fake.daily("AAPL").get(21).close());
    }

    @Test
    @Order(6)
    void everyRequestCarriedTheKeyPairInAlpacasHeaders() {
        alpaca.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day"))
                .withQueryParam("symbols", equalTo("AAPL,MSFT")).withQueryParam("feed", equalTo("iex"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY)).withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)));
        alpaca.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Min"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY)).withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)));
        alpaca.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY)).withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)));
        List<LoggedRequest> all = alpaca.findAll(anyRequestedFor(anyUrl()));
        assertThat(all).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeader("APCA-API-KEY-ID")).isEqualTo(KEY);
            assertThat(r.getHeader("APCA-API-SECRET-KEY")).isEqualTo(SECRET);
            assertThat(r.getUrl()).doesNotContain(SECRET);
        });
        assertThat(all).extracting(r -> r.getUrl().replaceAll("\\?.*", ""))
                .containsOnly("/v2/stocks/bars", "/v2/stocks/quotes/latest");
    }

    @Test
    @Order(7)
    void theSecretIsInNoLogFile() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as("%s", file).doesNotContain(SECRET);
            all.append(text);
        }
        // the log is not empty: the source was announced and the client's requests logged
        assertThat(all).contains("market data: alpaca").contains("/v2/stocks/bars");
        assertThat(Files.readString(logs.resolve("security_scanner.log"))).doesNotContain(SECRET);
    }

    @Test
    @Order(8)
    void withoutTheKeyPairTheServiceRefusesToStartNamingTheVariables() {
        Path other = TestContexts.tempDir("scanner-alpaca-nokeys");
        try {
            Path database = TestContexts.migratedDatabase(other);
            assertThatThrownBy(() -> ScannerFixture.start(ScannerFixture.settings(other, database, Map.of(
                    "market.data", "alpaca", "alpaca.data-url", "http://127.0.0.1:" + alpaca.port(),
                    "alpaca.paper-api-key", "", "alpaca.paper-api-secret", ""))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALPACA_PAPER_API_KEY")
                    .hasMessageContaining("ALPACA_PAPER_API_SECRET");
            assertThatThrownBy(() -> ScannerFixture.start(ScannerFixture.settings(other, database, Map.of(
                    "market.data", "alpaca", "alpaca.data-url", "http://127.0.0.1:" + alpaca.port(),
                    "alpaca.paper-api-key", KEY, "alpaca.paper-api-secret", " "))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALPACA_PAPER_API_SECRET")
                    .hasMessageNotContaining(KEY);
            assertThat(new ScannerFixture.Sql(database).count("SELECT count(*) FROM market_clock")).isZero();
        } finally {
            TestContexts.delete(other);
        }
    }
}
