package io.tradeloom.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.NyseCalendar;

class SimulatedMarketTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-03-02");
    private final NyseCalendar calendar = new NyseCalendar();
    private final List<SimSymbol> universe = SimUniverse.defaults();

    private SimulatedMarket market(long seed) {
        return new SimulatedMarket(seed, universe, calendar, FIRST);
    }

    private static List<Bar> allBars(SimSession session, List<String> symbols) {
        List<Bar> bars = new ArrayList<>();
        symbols.forEach(s -> bars.addAll(session.bars(s)));
        return bars;
    }

    @Test
    void theSameSeedGivesIdenticalBarsQuotesAndNews() {
        SimulatedMarket a = market(42);
        SimulatedMarket b = market(42);
        LocalDate day = LocalDate.parse("2026-03-10");
        assertThat(allBars(a.session(day), a.symbols())).isEqualTo(allBars(b.session(day), b.symbols()));
        assertThat(a.session(day).quote("AAPL", 100)).isEqualTo(b.session(day).quote("AAPL", 100));
        assertThat(a.session(day).news()).isEqualTo(b.session(day).news());
    }

    @Test
    void aDifferentSeedGivesDifferentBars() {
        LocalDate day = LocalDate.parse("2026-03-03");
        assertThat(market(1).session(day).bars("AAPL")).isNotEqualTo(market(2).session(day).bars("AAPL"));
    }

    @Test
    void aSessionReachedDirectlyEqualsTheSameSessionReachedDayByDay() {
        LocalDate target = LocalDate.parse("2026-03-13");
        SimulatedMarket direct = market(7);
        SimulatedMarket stepwise = market(7);
        for (LocalDate d = FIRST; d.isBefore(target); d = calendar.nextTradingDay(d)) {
            stepwise.session(d);
        }
        assertThat(direct.session(target).bars("NVDA")).isEqualTo(stepwise.session(target).bars("NVDA"));
    }

    @Test
    void aSessionEvictedFromTheCacheIsRegeneratedIdentically() {
        SimulatedMarket market = market(7);
        List<Bar> first = market.session(FIRST).bars("TSLA");
        LocalDate d = FIRST;
        for (int i = 0; i <= SimulatedMarket.CACHED_SESSIONS; i++) {
            d = calendar.nextTradingDay(d);
            market.session(d);
        }
        assertThat(market.session(FIRST).bars("TSLA")).isEqualTo(first);
    }

    @Test
    void aSymbolsPathDoesNotDependOnTheRestOfTheUniverse() {
        List<SimSymbol> two = universe.stream().filter(u -> u.symbol().equals("MSFT") || u.symbol().equals("KO"))
                .toList();
        LocalDate day = LocalDate.parse("2026-03-05");
        assertThat(new SimulatedMarket(9, two, calendar, FIRST).session(day).bars("KO"))
                .isEqualTo(market(9).session(day).bars("KO"));
    }

    @Test
    void everyBarAndQuoteIsConsistentOverManySessions() {
        SimulatedMarket market = market(3);
        LocalDate d = FIRST;
        for (int n = 0; n < 40; n++, d = calendar.nextTradingDay(d)) {
            SimSession session = market.session(d);
            for (String symbol : market.symbols()) {
                List<Bar> bars = session.bars(symbol);
                for (int m = 0; m < bars.size(); m++) {
                    Bar bar = bars.get(m);
                    assertThat(bar.high()).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
                    assertThat(bar.low()).isLessThanOrEqualTo(bar.open().min(bar.close()));
                    assertThat(bar.low()).isPositive();
                    assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close()))
                            .allSatisfy(p -> assertThat(p.scale()).isEqualTo(2));
                    assertThat(bar.volume()).isPositive();
                    if (m > 0) {
                        assertThat(bar.open()).isEqualTo(bars.get(m - 1).close());
                    }
                    Quote quote = session.quote(symbol, m);
                    assertThat(quote.bid()).isLessThanOrEqualTo(bar.close());
                    assertThat(quote.ask()).isGreaterThanOrEqualTo(bar.close());
                    assertThat(quote.time()).isEqualTo(bar.time().plusSeconds(60));
                }
            }
        }
    }

    @Test
    void barsAreStampedWithEachMinutesStartAndAnEarlyCloseHas210() {
        SimulatedMarket market = new SimulatedMarket(5, universe, calendar, LocalDate.parse("2026-11-20"));
        SimSession friday = market.session(LocalDate.parse("2026-11-27"));
        assertThat(friday.minutes()).isEqualTo(210);
        List<Bar> bars = friday.bars("AAPL");
        assertThat(bars).hasSize(210);
        assertThat(bars.getFirst().time()).isEqualTo("2026-11-27T14:30:00Z");
        assertThat(bars.getLast().time()).isEqualTo("2026-11-27T17:59:00Z");
    }

    @Test
    void aFirstSessionOnAHolidayStartsOnTheNextTradingDay() {
        SimulatedMarket market = new SimulatedMarket(5, universe, calendar, LocalDate.parse("2026-04-03"));
        assertThat(market.firstSession()).isEqualTo("2026-04-06");
        assertThat(market.session(LocalDate.parse("2026-04-06")).bars("AAPL")).hasSize(390);
    }

    @Test
    void sessionsOnClosedDaysOrBeforeTheFirstDoNotExist() {
        SimulatedMarket market = market(1);
        assertThatThrownBy(() -> market.session(LocalDate.parse("2026-03-07")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2026-03-07 is not a trading day");
        assertThatThrownBy(() -> market.session(LocalDate.parse("2026-02-27")))
                .hasMessage("2026-02-27 is before the first simulated session 2026-03-02");
        assertThat(market.barsCompleted(Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-03-02T14:30:00Z")))
                .isEmpty();
    }

    @Test
    void barsCompleteAMinuteAfterTheirStartAndConsecutiveWindowsServeEachBarOnce() {
        SimulatedMarket market = market(11);
        Instant open = Instant.parse("2026-03-02T14:30:00Z");
        assertThat(market.barsCompleted(open.minusSeconds(1), open.plusSeconds(59))).isEmpty();
        List<Bar> first = market.barsCompleted(open.plusSeconds(59), open.plusSeconds(60));
        assertThat(first).hasSize(universe.size())
                .allSatisfy(b -> assertThat(b.time()).isEqualTo(open))
                .extracting(Bar::symbol).containsExactlyElementsOf(market.symbols());

        // poll every 7 simulated seconds from Monday's open to Tuesday 10:00, as a consumer of the clock would
        List<Bar> polled = new ArrayList<>();
        Instant last = open;
        for (Instant now = open; now.isBefore(Instant.parse("2026-03-03T15:00:00Z")); now = now.plusSeconds(7)) {
            polled.addAll(market.barsCompleted(last, now));
            last = now;
        }
        List<Bar> expected = new ArrayList<>();
        for (LocalDate d : List.of(FIRST, LocalDate.parse("2026-03-03"))) {
            SimSession s = market.session(d);
            for (int m = 0; m < s.minutes(); m++) {
                if (!s.session().open().plus(Duration.ofMinutes(m + 1)).isAfter(last)) {
                    expected.addAll(s.barsAt(m));
                }
            }
        }
        assertThat(polled).isEqualTo(expected).hasSize(universe.size() * (390 + 29));
    }

    @Test
    void barsOfASymbolAreServedForAHalfOpenTimeRange() {
        SimulatedMarket market = market(11);
        List<Bar> bars = market.bars("MSFT", Instant.parse("2026-03-02T20:58:00Z"),
                Instant.parse("2026-03-03T14:32:00Z"));
        assertThat(bars).extracting(Bar::time).containsExactly(Instant.parse("2026-03-02T20:58:00Z"),
                Instant.parse("2026-03-02T20:59:00Z"), Instant.parse("2026-03-03T14:30:00Z"),
                Instant.parse("2026-03-03T14:31:00Z"));
    }

    @Test
    void theQuoteIsTheLastCompletedMinutesCloseQuote() {
        SimulatedMarket market = market(11);
        Instant open = Instant.parse("2026-03-03T14:30:00Z");
        assertThat(market.quote("AAPL", Instant.parse("2026-03-02T14:30:59Z"))).isEmpty();
        assertThat(market.quote("AAPL", open.plusSeconds(150)))
                .contains(market.session(LocalDate.parse("2026-03-03")).quote("AAPL", 1));
        // at the open, before its first minute completes: the previous session's closing quote
        Quote atOpen = market.quote("AAPL", open).orElseThrow();
        assertThat(atOpen).isEqualTo(market.session(FIRST).quote("AAPL", 389));
        assertThat(atOpen.time()).isEqualTo("2026-03-02T21:00:00Z");
        // in the evening: that session's closing quote
        assertThat(market.quote("AAPL", Instant.parse("2026-03-03T23:00:00Z")).orElseThrow().time())
                .isEqualTo("2026-03-03T21:00:00Z");
    }

    @Test
    void newsIsServedByTimeWindowAndMatchesTheSessions() {
        SimulatedMarket market = market(11);
        List<NewsEvent> news = market.news(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-07T00:00:00Z"));
        List<NewsEvent> expected = new ArrayList<>();
        for (LocalDate d = FIRST; d.isBefore(LocalDate.parse("2026-03-07")); d = calendar.nextTradingDay(d)) {
            expected.addAll(market.session(d).news());
        }
        assertThat(news).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(news).allSatisfy(e -> {
            assertThat(e.jumpReturn().abs()).isGreaterThan(new BigDecimal("0.001"));
            assertThat(e.kind()).isIn(MarketModel.NEWS_KINDS);
        });
    }

    @Test
    void theDefaultUniverseHasAboutFiftyLiquidStocksWithNames() {
        assertThat(universe).hasSizeBetween(45, 60);
        assertThat(universe).allSatisfy(u -> {
            assertThat(u.beta()).isBetween(0.5, 1.8);
            assertThat(u.dailyVol()).isBetween(0.01, 0.04);
            assertThat(u.avgVolume()).isGreaterThanOrEqualTo(1_000_000);
            assertThat(u.name()).isNotBlank();
        });
        assertThat(universe).extracting(SimSymbol::symbol).contains("AAPL", "MSFT", "NVDA").doesNotHaveDuplicates();
    }

    @Test
    void aBadUniverseLineIsReportedWithItsLineNumber() {
        String csv = SimUniverse.HEADER + "\nAAPL,Apple Inc.,230,1.2,0.017,50000000\nMSFT,Microsoft,420,1.1,abc,1\n";
        assertThatThrownBy(() -> SimUniverse.read(new StringReader(csv), "u.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("u.csv line 3: ");
        String duplicate = SimUniverse.HEADER + "\nKO,Coca-Cola,68,0.5,0.01,1\nKO,Coca-Cola,68,0.5,0.01,1\n";
        assertThatThrownBy(() -> SimUniverse.read(new StringReader(duplicate), "u.csv"))
                .hasMessage("u.csv line 3: duplicate symbol KO");
    }
}
