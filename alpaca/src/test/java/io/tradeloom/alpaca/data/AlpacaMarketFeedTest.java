package io.tradeloom.alpaca.data;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.tradeloom.alpaca.AlpacaCredentials;
import io.tradeloom.market.bar.Bar;

class AlpacaMarketFeedTest {

    @RegisterExtension
    static final WireMockExtension ALPACA = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final Instant OPEN = Instant.parse("2024-01-03T14:30:00Z");
    static final List<String> SYMBOLS = List.of("MSFT", "AAPL"); // not alphabetical: the feed keeps this order

    /** Ten minutes of bars of both symbols, 14:30 to 14:39; the stub serves them all, whatever the window. */
    private final List<Bar> all = IntStream.range(0, 10).boxed()
            .flatMap(minute -> SYMBOLS.stream().map(symbol -> bar(symbol, OPEN.plusSeconds(60L * minute))))
            .toList();
    private final List<AlpacaDataClient> clients = new ArrayList<>();

    static Bar bar(String symbol, Instant time) {
        BigDecimal price = new BigDecimal("100.25");
        return new Bar(symbol, time, price, price, price, price, 100);
    }

    @BeforeEach
    void serveAllBars() {
        String json = SYMBOLS.stream().map(symbol -> "\"" + symbol + "\":" + all.stream()
                        .filter(bar -> bar.symbol().equals(symbol))
                        .map(bar -> "{\"t\":\"" + bar.time() + "\",\"o\":100.25,\"h\":100.25,\"l\":100.25,"
                                + "\"c\":100.25,\"v\":100,\"n\":1,\"vw\":100.25}")
                        .collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(",", "{\"bars\":{", "},\"next_page_token\":null}"));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson(json)));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(AlpacaDataClient::close);
    }

    private AlpacaDataClient client(Instant now, UnaryOperator<AlpacaDataClient.Options> tweak) {
        AlpacaDataClient client = new AlpacaDataClient(new AlpacaCredentials("PKTEST1234567890ABCD", "secret"),
                tweak.apply(AlpacaDataClientTest.options(ALPACA.baseUrl())), Clock.fixed(now, ZoneOffset.UTC));
        clients.add(client);
        return client;
    }

    private AlpacaMarketFeed iexFeed() {
        return new AlpacaMarketFeed(client(OPEN.plus(Duration.ofHours(2)), UnaryOperator.identity()), SYMBOLS,
                Feed.IEX);
    }

    @Test
    void consecutivePollsServeEveryBarOnceByTimeThenSymbolOrder() {
        AlpacaMarketFeed feed = iexFeed();
        List<Bar> served = new ArrayList<>();
        Instant last = OPEN.minusSeconds(60);
        for (int poll = 0; poll < 100; poll++) {
            Instant now = last.plusSeconds(7 + poll % 5 * 3); // uneven steps of 7 to 19 s
            served.addAll(feed.barsCompleted(last, now));
            last = now;
        }

        assertThat(last).isAfter(OPEN.plus(Duration.ofMinutes(11)));
        assertThat(served).containsExactlyElementsOf(all);
    }

    @Test
    void revealsABarItsLagAfterItsMinuteEnds() {
        AlpacaMarketFeed feed = iexFeed();
        Instant reveal = OPEN.plusSeconds(60).plus(AlpacaMarketFeed.REAL_TIME_LAG);

        assertThat(feed.barsCompleted(OPEN, reveal.minusNanos(1))).isEmpty();
        assertThat(feed.barsCompleted(reveal.minusNanos(1), reveal))
                .containsExactly(bar("MSFT", OPEN), bar("AAPL", OPEN));
        assertThat(feed.barsCompleted(reveal, reveal.plusSeconds(59))).isEmpty();
        assertThat(feed.barsCompleted(reveal, reveal)).isEmpty();
    }

    @Test
    void asksAlpacaForTheStartsOfTheShiftedWindowAMinuteWide() {
        iexFeed().barsCompleted(Instant.parse("2024-01-03T14:35:10Z"), Instant.parse("2024-01-03T14:37:10Z"));

        // ends in (14:35:00, 14:37:00] are starts in (14:34, 14:36]; asked for [14:34, 14:37]
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars"))
                .withQueryParam("symbols", equalTo("MSFT,AAPL"))
                .withQueryParam("timeframe", equalTo("1Min"))
                .withQueryParam("start", equalTo("2024-01-03T14:34:00Z"))
                .withQueryParam("end", equalTo("2024-01-03T14:37:00Z"))
                .withQueryParam("feed", equalTo("iex")));
    }

    @Test
    void delayedSipGetsAFifteenMinuteLagAndAShorterOneIsRefused() {
        AlpacaDataClient free = client(OPEN.plus(Duration.ofHours(2)), UnaryOperator.identity());
        AlpacaMarketFeed sip = new AlpacaMarketFeed(free, SYMBOLS, Feed.SIP);
        Instant reveal = OPEN.plusSeconds(60).plus(AlpacaDataClient.SIP_DELAY);

        assertThat(sip.lag()).isEqualTo(Duration.ofMinutes(15));
        assertThat(sip.barsCompleted(reveal.minusSeconds(1), reveal)).extracting(Bar::time).containsOnly(OPEN);
        assertThat(new AlpacaMarketFeed(client(OPEN, o -> o.withFreePlan(false)), SYMBOLS, Feed.SIP).lag())
                .isEqualTo(AlpacaMarketFeed.REAL_TIME_LAG);
        assertThatThrownBy(() -> new AlpacaMarketFeed(free, SYMBOLS, Feed.SIP, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15 minutes late");
    }

    @Test
    void barsOfASymbolAreTheStartsInAHalfOpenRange() {
        List<Bar> bars = iexFeed().bars("AAPL", OPEN.plusSeconds(60), OPEN.plusSeconds(180));

        assertThat(bars).containsExactly(bar("AAPL", OPEN.plusSeconds(60)), bar("AAPL", OPEN.plusSeconds(120)));
        assertThat(bars).isSortedAccordingTo(Comparator.comparing(Bar::time));
    }
}
