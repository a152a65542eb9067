package io.tradeloom.alpaca.data;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.tradeloom.alpaca.AlpacaCredentials;
import io.tradeloom.alpaca.AlpacaException;
import io.tradeloom.alpaca.LogCapture;
import io.tradeloom.alpaca.RetryPolicy;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.bar.Timeframe;

class AlpacaDataClientTest {

    @RegisterExtension
    static final WireMockExtension ALPACA = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String KEY_ID = "PKTEST1234567890ABCD";
    static final String SECRET = "secret-do-not-leak-42";
    static final Instant NOW = Instant.parse("2024-01-03T21:00:00Z");
    static final Instant START = Instant.parse("2024-01-03T14:30:00Z");
    static final Instant END = Instant.parse("2024-01-03T15:00:00Z");
    static final String BARS = "/v2/stocks/bars";
    static final String SUBSCRIPTION_BODY =
            "{\"code\":40310000,\"message\":\"subscription does not permit querying recent SIP data\"}";

    private final List<AlpacaDataClient> clients = new ArrayList<>();

    /** The defaults with WireMock's URL and quick retries: 3 attempts, 5-20 ms apart. */
    static AlpacaDataClient.Options options(String baseUrl) {
        return AlpacaDataClient.Options.defaults()
                .withBaseUrl(URI.create(baseUrl))
                .withRetry(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10)));
    }

    /** A client of the WireMock server with a clock fixed at {@link #NOW}. */
    private AlpacaDataClient client(UnaryOperator<AlpacaDataClient.Options> tweak) {
        AlpacaDataClient client = new AlpacaDataClient(new AlpacaCredentials(KEY_ID, SECRET),
                tweak.apply(options(ALPACA.baseUrl())), Clock.fixed(NOW, ZoneOffset.UTC));
        clients.add(client);
        return client;
    }

    private AlpacaDataClient client() {
        return client(UnaryOperator.identity());
    }

    @AfterEach
    void closeClients() {
        clients.forEach(AlpacaDataClient::close);
    }

    static String bar(String time, String open, String high, String low, String close, long volume) {
        return "{\"t\":\"" + time + "\",\"o\":" + open + ",\"h\":" + high + ",\"l\":" + low + ",\"c\":" + close
                + ",\"v\":" + volume + ",\"n\":512,\"vw\":" + close + "}";
    }

    static Bar expected(String symbol, String time, String open, String high, String low, String close, long volume) {
        return new Bar(symbol, Instant.parse(time), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), volume);
    }

    static void stubBars(String body) {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(okJson(body)));
    }

    @Test
    void sendsTheKeyHeadersAndTheDocumentedBarsQuery() {
        stubBars("{\"bars\":{},\"next_page_token\":null}");

        Map<String, List<Bar>> bars = client().bars(List.of("AAPL", "MSFT"), Timeframe.MIN_5, START, END, Feed.IEX);

        assertThat(bars).containsExactly(Map.entry("AAPL", List.of()), Map.entry("MSFT", List.of()));
        ALPACA.verify(exactly(1), getRequestedFor(urlPathEqualTo(BARS))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                .withQueryParam("symbols", equalTo("AAPL,MSFT"))
                .withQueryParam("timeframe", equalTo("5Min"))
                .withQueryParam("start", equalTo("2024-01-03T14:30:00Z"))
                .withQueryParam("end", equalTo("2024-01-03T15:00:00Z"))
                .withQueryParam("limit", equalTo("10000"))
                .withQueryParam("adjustment", equalTo("raw"))
                .withQueryParam("feed", equalTo("iex"))
                .withQueryParam("page_token", absent()));
    }

    @Test
    void followsNextPageTokenAndMergesThePagesWithExactDecimals() {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("page_token", absent()).willReturn(okJson(
                "{\"bars\":{\"AAPL\":[" + bar("2024-01-03T14:30:00Z", "187.50", "187.9", "187.15", "187.8", 1200)
                        + "," + bar("2024-01-03T14:31:00Z", "187.8", "188", "187.7", "187.7", 900) + "],"
                        + "\"MSFT\":[" + bar("2024-01-03T14:30:00Z", "370.10", "370.55", "369.9", "370.2", 700)
                        + "]},\"next_page_token\":\"TVNGVHwyMDI0LTAxLTAzVDE0OjMxOjAwWg==\"}")));
        ALPACA.stubFor(get(urlPathEqualTo(BARS))
                .withQueryParam("page_token", equalTo("TVNGVHwyMDI0LTAxLTAzVDE0OjMxOjAwWg=="))
                .willReturn(okJson("{\"bars\":{\"MSFT\":["
                        + bar("2024-01-03T14:31:00Z", "370.2", "370.3", "369.95", "370.00", 650)
                        + "]},\"next_page_token\":null}")));

        Map<String, List<Bar>> bars = client().bars(List.of("AAPL", "MSFT"), Timeframe.MIN_1, START, END, Feed.IEX);

        assertThat(bars.get("AAPL")).containsExactly(
                expected("AAPL", "2024-01-03T14:30:00Z", "187.50", "187.9", "187.15", "187.8", 1200),
                expected("AAPL", "2024-01-03T14:31:00Z", "187.8", "188", "187.7", "187.7", 900));
        assertThat(bars.get("MSFT")).containsExactly(
                expected("MSFT", "2024-01-03T14:30:00Z", "370.10", "370.55", "369.9", "370.2", 700),
                expected("MSFT", "2024-01-03T14:31:00Z", "370.2", "370.3", "369.95", "370.00", 650));
        assertThat(bars.get("AAPL").getFirst().open()).isEqualTo(new BigDecimal("187.50")); // scale kept
        ALPACA.verify(exactly(2), getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("symbols", equalTo("AAPL,MSFT")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "Wed, 03 Jan 2024 21:00:01 GMT"}) // seconds, or an HTTP date a second after NOW
    void retriesA429AfterTheDelayItsRetryAfterAsks(String retryAfter) {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)
                        .withBody("{\"message\":\"too many requests.\"}"))
                .willSetStateTo("cooled down"));
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).inScenario("rate limit").whenScenarioStateIs("cooled down")
                .willReturn(okJson("{\"bars\":{\"AAPL\":[" + bar("2024-01-03T14:30:00Z", "10", "11", "9", "10.5", 5)
                        + "]},\"next_page_token\":null}")));

        try (LogCapture log = new LogCapture()) {
            long started = System.nanoTime();
            Map<String, List<Bar>> bars = client().bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX);

            // the policy's own back-off is 5-20 ms: only Retry-After explains a wait of a second
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(bars.get("AAPL")).hasSize(1);
            assertThat(log.lines()).anyMatch(line -> line.startsWith("WARNING: GET /v2/stocks/bars failed (HTTP 429"))
                    .noneMatch(line -> line.contains(SECRET) || line.contains(KEY_ID));
        }
        ALPACA.verify(exactly(2), getRequestedFor(urlPathEqualTo(BARS)));
    }

    @Test
    void givesUpOnRepeated5xxAfterTheConfiguredAttempts() {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(500)
                .withBody("{\"message\":\"internal server error\"}")));

        AlpacaException e = catchThrowableOfType(AlpacaException.class,
                () -> client().bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX));

        assertThat(e.kind()).isEqualTo(AlpacaException.Kind.SERVER_ERROR);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e).hasMessage("Alpaca failed with HTTP 500 after 3 attempts "
                + "(GET /v2/stocks/bars: HTTP 500 internal server error)");
        ALPACA.verify(exactly(3), getRequestedFor(urlPathEqualTo(BARS)));
    }

    @Test
    void retriesWhenNoResponseComesThenSaysAlpacaIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AlpacaDataClient client = client(o -> o.withBaseUrl(URI.create("http://127.0.0.1:" + closedPort)));

        assertThatThrownBy(() -> client.bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX))
                .isInstanceOfSatisfying(AlpacaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlpacaException.Kind.UNREACHABLE);
                    assertThat(e.status()).isZero();
                })
                .hasMessageStartingWith("Alpaca did not answer GET /v2/stocks/bars at http://127.0.0.1:" + closedPort
                        + " after 3 attempts: ");
    }

    @Test
    void givesUpWhenRetryAfterWouldOutlastTheTotalBudget() {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
                .withBody("{\"message\":\"too many requests.\"}")));

        assertThatThrownBy(() -> client().bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX))
                .isInstanceOfSatisfying(AlpacaException.class,
                        e -> assertThat(e.kind()).isEqualTo(AlpacaException.Kind.RATE_LIMITED));
        ALPACA.verify(exactly(1), getRequestedFor(urlPathEqualTo(BARS)));
    }

    @Test
    void doesNotRetryOtherClientErrors() {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(422)
                .withBody("{\"code\":42210000,\"message\":\"invalid symbol: A B\"}")));

        assertThatThrownBy(() -> client().bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX))
                .isInstanceOfSatisfying(AlpacaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlpacaException.Kind.REQUEST_REJECTED);
                    assertThat(e.alpacaMessage()).isEqualTo("invalid symbol: A B");
                });
        ALPACA.verify(exactly(1), getRequestedFor(urlPathEqualTo(BARS)));
    }

    @Test
    void turnsASipSubscriptionRefusalIntoAClearMessage() {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(403).withBody(SUBSCRIPTION_BODY)));
        AlpacaDataClient client = client(o -> o.withFreePlan(false).withSipFallback(false));

        assertThatThrownBy(() -> client.bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.SIP))
                .isInstanceOfSatisfying(AlpacaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlpacaException.Kind.SUBSCRIPTION);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.alpacaMessage()).isEqualTo("subscription does not permit querying recent SIP data");
                })
                .hasMessage("Alpaca refused SIP data: your plan does not include it; set ALPACA_FEED=iex "
                        + "(GET /v2/stocks/bars: HTTP 403 subscription does not permit querying recent SIP data)");
        ALPACA.verify(exactly(1), getRequestedFor(urlPathEqualTo(BARS)));
    }

    @ParameterizedTest
    @CsvSource({"401, unauthorized.", "403, forbidden"})
    void turnsARejectedKeyIntoAClearMessageWithoutTheKey(int status, String message) {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(status)
                .withBody("{\"message\":\"" + message + "\"}")));

        assertThatThrownBy(() -> client().bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX))
                .isInstanceOfSatisfying(AlpacaException.class,
                        e -> assertThat(e.kind()).isEqualTo(AlpacaException.Kind.AUTH))
                .hasMessageStartingWith("Alpaca rejected the API key (check ALPACA_PAPER_API_KEY / "
                        + "ALPACA_PAPER_API_SECRET)")
                .hasMessageNotContaining(KEY_ID)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void clampsTheSipEndToFifteenMinutesAgoOnTheFreePlan() {
        stubBars("{\"bars\":{},\"next_page_token\":null}");

        client().bars(List.of("AAPL"), Timeframe.MIN_1, NOW.minus(Duration.ofHours(1)), NOW, Feed.SIP);
        client(o -> o.withFreePlan(false)).bars(List.of("MSFT"), Timeframe.MIN_1, NOW.minus(Duration.ofHours(1)), NOW,
                Feed.SIP);

        ALPACA.verify(getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("symbols", equalTo("AAPL"))
                .withQueryParam("feed", equalTo("sip")).withQueryParam("end", equalTo("2024-01-03T20:45:00Z")));
        ALPACA.verify(getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("symbols", equalTo("MSFT"))
                .withQueryParam("feed", equalTo("sip")).withQueryParam("end", equalTo("2024-01-03T21:00:00Z")));
    }

    @Test
    void asksNothingWhenTheWholeSipRangeIsTooRecentForTheFreePlan() {
        Map<String, List<Bar>> bars = client().bars(List.of("AAPL"), Timeframe.MIN_1, NOW.minus(Duration.ofMinutes(10)),
                NOW, Feed.SIP);

        assertThat(bars).containsExactly(Map.entry("AAPL", List.of()));
        ALPACA.verify(exactly(0), getRequestedFor(urlPathEqualTo(BARS)));
    }

    @Test
    void repeatsACallOnIexWhenAlpacaRefusesSipAndLogsThatOnce() {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("feed", equalTo("sip"))
                .willReturn(aResponse().withStatus(403).withBody(SUBSCRIPTION_BODY)));
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("feed", equalTo("iex")).willReturn(okJson(
                "{\"bars\":{\"AAPL\":[" + bar("2024-01-03T14:30:00Z", "10", "11", "9", "10.5", 5)
                        + "]},\"next_page_token\":null}")));
        AlpacaDataClient client = client();

        try (LogCapture log = new LogCapture()) {
            for (int call = 0; call < 2; call++) {
                assertThat(client.bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.SIP).get("AAPL"))
                        .containsExactly(expected("AAPL", "2024-01-03T14:30:00Z", "10", "11", "9", "10.5", 5));
            }
            assertThat(log.lines()).filteredOn(line -> line.contains("using IEX")).hasSize(1);
        }
        ALPACA.verify(exactly(2), getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("feed", equalTo("sip")));
        ALPACA.verify(exactly(2), getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("feed", equalTo("iex")));
    }

    @Test
    void parsesLatestQuotesAndSkipsOneWithoutABid() {
        ALPACA.stubFor(get(urlPathEqualTo("/v2/stocks/quotes/latest")).willReturn(okJson("""
                {"quotes": {
                  "AAPL": {"t": "2024-01-03T20:59:59.123456789Z", "ax": "V", "ap": 184.26, "as": 3,
                           "bx": "V", "bp": 184.20, "bs": 2, "c": ["R"], "z": "C"},
                  "MSFT": {"t": "2024-01-03T20:59:58Z", "ax": "V", "ap": 370.5, "as": 1,
                           "bx": " ", "bp": 0, "bs": 0, "c": ["R"], "z": "C"}}}""")));
        AlpacaDataClient client = client();

        Map<String, Quote> quotes = client.latestQuotes(List.of("AAPL", "MSFT"), Feed.IEX);

        assertThat(quotes).containsExactly(Map.entry("AAPL", new Quote("AAPL",
                Instant.parse("2024-01-03T20:59:59.123456789Z"), new BigDecimal("184.20"), new BigDecimal("184.26"),
                2, 3)));
        assertThat(client.skippedQuotes()).isEqualTo(1);
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .withQueryParam("symbols", equalTo("AAPL,MSFT")).withQueryParam("feed", equalTo("iex")));
    }

    @Test
    void servesLatestSipDataFromIexOnTheFreePlan() {
        ALPACA.stubFor(get(urlPathEqualTo("/v2/stocks/quotes/latest")).willReturn(okJson("{\"quotes\":{}}")));

        client().latestQuotes(List.of("AAPL"), Feed.SIP);
        client(o -> o.withFreePlan(false)).latestQuotes(List.of("MSFT"), Feed.SIP);

        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .withQueryParam("symbols", equalTo("AAPL")).withQueryParam("feed", equalTo("iex")));
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/quotes/latest"))
                .withQueryParam("symbols", equalTo("MSFT")).withQueryParam("feed", equalTo("sip")));
    }

    @Test
    void parsesSnapshotsAndLeavesOutUnknownSymbols() {
        ALPACA.stubFor(get(urlPathEqualTo("/v2/stocks/snapshots")).willReturn(okJson("""
                {"AAPL": {
                   "latestTrade": {"t": "2024-01-03T20:59:59.5Z", "x": "V", "p": 184.25, "s": 100, "c": ["@"],
                                   "i": 52983525029461, "z": "C"},
                   "latestQuote": {"t": "2024-01-03T20:59:59.6Z", "ax": "V", "ap": 184.26, "as": 3, "bx": "V",
                                   "bp": 184.2, "bs": 2, "c": ["R"], "z": "C"},
                   "minuteBar": {"t": "2024-01-03T20:59:00Z", "o": 184.1, "h": 184.3, "l": 184.05, "c": 184.25,
                                 "v": 30150, "n": 412, "vw": 184.19},
                   "dailyBar": {"t": "2024-01-03T05:00:00Z", "o": 184.22, "h": 185.88, "l": 183.43, "c": 184.25,
                                "v": 58414460, "n": 656956, "vw": 184.59},
                   "prevDailyBar": {"t": "2024-01-02T05:00:00Z", "o": 187.15, "h": 188.44, "l": 183.885,
                                    "c": 185.64, "v": 82488674, "n": 1008871, "vw": 185.82}},
                 "NOSUCH": null}""")));

        Map<String, Snapshot> snapshots = client().snapshots(List.of("AAPL", "NOSUCH"), Feed.IEX);

        assertThat(snapshots).containsOnlyKeys("AAPL");
        Snapshot aapl = snapshots.get("AAPL");
        assertThat(aapl.latestTrade()).isEqualTo(new Snapshot.Trade(Instant.parse("2024-01-03T20:59:59.5Z"),
                new BigDecimal("184.25"), 100));
        assertThat(aapl.latestQuote()).isEqualTo(new Quote("AAPL", Instant.parse("2024-01-03T20:59:59.6Z"),
                new BigDecimal("184.2"), new BigDecimal("184.26"), 2, 3));
        assertThat(aapl.minuteBar())
                .isEqualTo(expected("AAPL", "2024-01-03T20:59:00Z", "184.1", "184.3", "184.05", "184.25", 30150));
        assertThat(aapl.dailyBar())
                .isEqualTo(expected("AAPL", "2024-01-03T05:00:00Z", "184.22", "185.88", "183.43", "184.25", 58414460));
        assertThat(aapl.prevDailyBar().low()).isEqualTo(new BigDecimal("183.885"));
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/snapshots"))
                .withQueryParam("symbols", equalTo("AAPL,NOSUCH")).withQueryParam("feed", equalTo("iex")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"bars\": {\"AAPL\": [", "<html>gateway</html>", "", "{\"bars\": \"none\"}",
            "{\"bars\": {\"AAPL\": {}}}"})
    void turnsAMalformedBodyIntoAnAlpacaException(String body) {
        ALPACA.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        assertThatThrownBy(() -> client().bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX))
                .isInstanceOfSatisfying(AlpacaException.class,
                        e -> assertThat(e.kind()).isEqualTo(AlpacaException.Kind.MALFORMED_RESPONSE))
                .hasMessageStartingWith("Alpaca returned malformed JSON for GET /v2/stocks/bars: ");
    }

    @Test
    void skipsAndCountsABarThatBreaksOhlc() {
        stubBars("{\"bars\":{\"AAPL\":["
                + bar("2024-01-03T14:30:00Z", "10", "11", "9", "10.5", 5) + ","
                + bar("2024-01-03T14:31:00Z", "10", "9.5", "9.8", "9.9", 5) + "," // high below low
                + bar("2024-01-03T14:32:00Z", "10", "11", "9", "10.5", 5)
                + "]},\"next_page_token\":null}");
        AlpacaDataClient client = client();

        try (LogCapture log = new LogCapture()) {
            assertThat(client.bars(List.of("AAPL"), Timeframe.MIN_1, START, END, Feed.IEX).get("AAPL"))
                    .extracting(Bar::time)
                    .containsExactly(Instant.parse("2024-01-03T14:30:00Z"), Instant.parse("2024-01-03T14:32:00Z"));
            assertThat(log.lines()).contains("WARNING: GET /v2/stocks/bars: skipped 1 of 3 bars that are incomplete "
                    + "or break the market invariants, first AAPL at 2024-01-03T14:31:00Z: high 9.5 is below low 9.8");
        }
        assertThat(client.skippedBars()).isEqualTo(1);
    }

    @Test
    void splitsLongSymbolListsIntoRequestsOfAHundred() {
        stubBars("{\"bars\":{},\"next_page_token\":null}");
        List<String> symbols = IntStream.range(0, 250).mapToObj(i -> "S%03d".formatted(i)).toList();

        assertThat(client().bars(symbols, Timeframe.MIN_1, START, END, Feed.IEX)).containsOnlyKeys(symbols);

        List<List<String>> requested = ALPACA.findAll(getRequestedFor(urlPathEqualTo(BARS))).stream()
                .map(request -> Arrays.asList(request.queryParameter("symbols").firstValue().split(",")))
                .toList();
        assertThat(requested).extracting(List::size).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(requested.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(symbols);
    }
}
