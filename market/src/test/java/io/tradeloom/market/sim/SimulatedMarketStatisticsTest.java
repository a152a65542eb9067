package io.tradeloom.market.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.NewsEvent;
import io.tradeloom.market.bar.Quote;
import io.tradeloom.market.clock.NyseCalendar;

/**
 * The simulator's output, measured only through its public bars, quotes and news over many sessions, has the
 * features that make scans and strategies meaningful.
 */
class SimulatedMarketStatisticsTest {

    private static final int SESSIONS = 120;
    private static final NyseCalendar CALENDAR = new NyseCalendar();
    private static final List<SimSymbol> UNIVERSE = SimUniverse.defaults();
    private static final List<SimSession> sessions = new ArrayList<>();
    /** Each symbol's minute log-returns over all the sessions, in order. */
    private static final Map<String, double[]> minuteReturns = new HashMap<>();

    @BeforeAll
    static void simulate() {
        SimulatedMarket market = new SimulatedMarket(2026, UNIVERSE, CALENDAR, LocalDate.parse("2025-06-02"));
        LocalDate day = market.firstSession();
        for (int i = 0; i < SESSIONS; i++, day = CALENDAR.nextTradingDay(day)) {
            sessions.add(market.session(day));
        }
        for (SimSymbol u : UNIVERSE) {
            minuteReturns.put(u.symbol(), sessions.stream().flatMap(s -> s.bars(u.symbol()).stream())
                    .mapToDouble(SimulatedMarketStatisticsTest::logReturn).toArray());
        }
    }

    private static double logReturn(Bar bar) {
        return Math.log(bar.close().doubleValue() / bar.open().doubleValue());
    }

    private static double meanAbsoluteMinuteReturn() {
        return minuteReturns.values().stream().flatMapToDouble(Arrays::stream).map(Math::abs).average()
                .orElseThrow();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void openingGapsAreLargerThanMinuteMoves() {
        double gaps = 0;
        int count = 0;
        for (SimSymbol u : UNIVERSE) {
            for (int i = 1; i < sessions.size(); i++) {
                SimSession previous = sessions.get(i - 1);
                double close = previous.bar(u.symbol(), previous.minutes() - 1).close().doubleValue();
                gaps += Math.abs(Math.log(sessions.get(i).bar(u.symbol(), 0).open().doubleValue() / close));
                count++;
            }
        }
        assertThat(gaps / count).isGreaterThan(3 * meanAbsoluteMinuteReturn());
    }

    @Test
    void volumeIsUShapedOverTheSession() {
        double first = 0;
        double midday = 0;
        double last = 0;
        for (SimSession s : sessions) {
            if (s.minutes() != 390) {
                continue;
            }
            for (SimSymbol u : UNIVERSE) {
                List<Bar> bars = s.bars(u.symbol());
                for (int m = 0; m < 390; m++) {
                    double share = (double) bars.get(m).volume() / u.avgVolume();
                    if (m < 30) {
                        first += share / 30;
                    } else if (m >= 360) {
                        last += share / 30;
                    } else if (m >= 150 && m < 240) {
                        midday += share / 90;
                    }
                }
            }
        }
        assertThat(first).isGreaterThan(1.5 * midday);
        assertThat(last).isGreaterThan(1.2 * midday);
    }

    @Test
    void dailyVolatilityAndVolumeMatchTheUniverse() {
        for (SimSymbol u : UNIVERSE) {
            double[] closes = new double[sessions.size()];
            double[] daily = new double[sessions.size() - 1];
            long volume = 0;
            for (int i = 0; i < sessions.size(); i++) {
                List<Bar> bars = sessions.get(i).bars(u.symbol());
                volume += bars.stream().mapToLong(Bar::volume).sum();
                closes[i] = bars.getLast().close().doubleValue();
                if (i > 0) {
                    daily[i - 1] = Math.log(closes[i] / closes[i - 1]);
                }
            }
            double m = mean(daily);
            double sd = Math.sqrt(Arrays.stream(daily).map(r -> (r - m) * (r - m)).sum() / (daily.length - 1));
            assertThat(sd / u.dailyVol()).as(u.symbol() + " realised / parameter daily vol").isBetween(0.65, 1.4);
            assertThat((double) volume / sessions.size() / u.avgVolume()).as(u.symbol() + " volume")
                    .isBetween(0.8, 1.25);
        }
    }

    @Test
    void spreadsWidenWithVolatility() {
        double correlations = 0;
        for (SimSymbol u : UNIVERSE) {
            double[] realised = new double[sessions.size()];
            double[] spreadBps = new double[sessions.size()];
            for (int i = 0; i < sessions.size(); i++) {
                SimSession s = sessions.get(i);
                List<Bar> bars = s.bars(u.symbol());
                // the median absolute minute return: a volatility measure that one news jump does not swamp
                realised[i] = bars.stream().mapToDouble(b -> Math.abs(logReturn(b))).sorted()
                        .skip(bars.size() / 2).findFirst().orElseThrow();
                double total = 0;
                for (int m = 0; m < s.minutes(); m++) {
                    Quote q = s.quote(u.symbol(), m);
                    total += q.spread().doubleValue() / bars.get(m).close().doubleValue() * 1e4;
                }
                spreadBps[i] = total / s.minutes();
            }
            double c = correlation(realised, spreadBps);
            assertThat(c).as(u.symbol()).isPositive();
            correlations += c;
        }
        assertThat(correlations / UNIVERSE.size()).isGreaterThan(0.5);
    }

    @Test
    void minuteReturnsHaveFatTails() {
        for (SimSymbol u : UNIVERSE) {
            double[] r = minuteReturns.get(u.symbol());
            double m = mean(r);
            double var = Arrays.stream(r).map(x -> (x - m) * (x - m)).average().orElseThrow();
            double fourth = Arrays.stream(r).map(x -> Math.pow(x - m, 4)).average().orElseThrow();
            assertThat(fourth / (var * var)).as(u.symbol() + " kurtosis").isGreaterThan(3);
        }
    }

    @Test
    void stocksAreCorrelatedThroughTheMarketFactor() {
        List<String> symbols = UNIVERSE.stream().map(SimSymbol::symbol).toList();
        double total = 0;
        int pairs = 0;
        for (int i = 0; i < symbols.size(); i++) {
            for (int j = i + 1; j < symbols.size(); j++) {
                double c = correlation(minuteReturns.get(symbols.get(i)), minuteReturns.get(symbols.get(j)));
                assertThat(c).as(symbols.get(i) + "/" + symbols.get(j)).isPositive();
                total += c;
                pairs++;
            }
        }
        assertThat(total / pairs).isGreaterThan(0.2);
    }

    @Test
    void newsHappensAboutOncePerStockEveryFewSessionsAndMovesItsBar() {
        List<NewsEvent> news = sessions.stream().flatMap(s -> s.news().stream()).toList();
        double perStockSession = (double) news.size() / (UNIVERSE.size() * SESSIONS);
        assertThat(perStockSession).isBetween(0.1, 0.35);
        assertThat(news.stream().map(NewsEvent::tone).collect(Collectors.toSet())).isEqualTo(Set.of(-1, 1));

        double newsMove = 0;
        double newsVolume = 0;
        for (NewsEvent e : news) {
            SimSession s = sessions.stream().filter(x -> x.session().contains(e.time())).findFirst().orElseThrow();
            int minute = (int) Duration.between(s.session().open(), e.time()).toMinutes();
            Bar bar = s.bar(e.symbol(), minute);
            newsMove += Math.abs(logReturn(bar));
            List<Bar> day = s.bars(e.symbol());
            newsVolume += bar.volume() / day.stream().mapToLong(Bar::volume).average().orElseThrow();
        }
        assertThat(newsMove / news.size()).isGreaterThan(5 * meanAbsoluteMinuteReturn());
        assertThat(newsVolume / news.size()).isGreaterThan(3);
    }
}
