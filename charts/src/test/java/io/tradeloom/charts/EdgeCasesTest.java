package io.tradeloom.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tradeloom.market.bar.BarSeries;

/** Inputs the rules were not drawn for: no bars, one bar, flat prices, no volume, extreme prices, long random walks. */
class EdgeCasesTest {

    private static final ChartEngine ENGINE = new ChartEngine();

    @Test
    void noBarsOrTooFewGiveNothing() {
        for (int n = 0; n <= 3; n++) {
            ChartAnalysis a = ENGINE.analyse(walk(n, 1, 100, 0.5, 1000));
            assertThat(a.patterns()).as("%d bars", n).isEmpty();
            assertThat(a.bias()).isZero();
        }
    }

    @Test
    void flatPricesHaveNoSwingsAndNoPatterns() {
        ChartAnalysis a = ENGINE.analyse(walk(300, 1, 100, 0, 1000));

        assertThat(a.pivots()).isEmpty();
        assertThat(a.patterns()).isEmpty();
    }

    static Stream<Arguments> walks() {
        return Stream.of(
                Arguments.of("no volume at all", walk(2000, 2, 50, 0.3, 0)),
                Arguments.of("a penny stock", walk(2000, 3, 0.01, 0.0001, 500)),
                Arguments.of("a million-dollar price", walk(2000, 4, 1_000_000, 3_000, 10)),
                Arguments.of("a long walk", walk(20_000, 5, 100, 0.2, 1000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void randomWalksGiveWellFormedPatterns(String name, BarSeries bars) {
        ChartAnalysis a = ENGINE.analyse(bars);

        assertThat(a.bias()).isBetween(-1.0, 1.0);
        for (ChartPattern p : a.patterns()) {
            assertThat(p.confidence()).isBetween(0.0, 1.0);
            assertThat(p.level()).isFinite();
            assertThat(p.startIndex()).isBetween(0, p.endIndex());
            assertThat(p.endIndex()).isLessThan(bars.size());
            if (p.target() != null) {
                assertThat(p.target()).isFinite();
            }
            if (p.breakout() != null && p.breakout().volumeRatio() != null) {
                assertThat(p.breakout().volumeRatio()).isFinite().isNotNegative();
            }
        }
    }

    @Test
    void askingForSomeTypesGivesExactlyThoseOfTheFullAnswer() {
        BarSeries bars = walk(3000, 6, 100, 0.3, 1000);
        var all = ENGINE.analyse(bars).patterns();
        var some = ENGINE.analyse(bars, java.util.EnumSet.of(ChartPatternType.DOUBLE_TOP, ChartPatternType.BULL_FLAG)).patterns();

        assertThat(some).containsExactlyElementsOf(all.stream()
                .filter(p -> p.type() == ChartPatternType.DOUBLE_TOP || p.type() == ChartPatternType.BULL_FLAG).toList());
    }

    /** A Gaussian random walk of closes, a minute apart; bars span open to close plus a wick of half a step. */
    static BarSeries walk(int n, long seed, double start, double step, double volume) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Instant t0 = Instant.parse("2026-01-05T14:30:00Z");
        Instant[] time = IntStream.range(0, n).mapToObj(i -> t0.plus(Duration.ofMinutes(i))).toArray(Instant[]::new);
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] vol = new double[n];
        double price = start;
        for (int i = 0; i < n; i++) {
            double o = price;
            price = Math.max(start * 0.05, price + rnd.nextGaussian() * step);
            open[i] = o;
            close[i] = price;
            high[i] = Math.max(o, price) + Math.abs(rnd.nextGaussian()) * step / 2;
            low[i] = Math.max(start * 0.01, Math.min(o, price) - Math.abs(rnd.nextGaussian()) * step / 2);
            vol[i] = volume == 0 ? 0 : Math.round(volume * (0.5 + rnd.nextDouble()));
        }
        return new BarSeries(time, open, high, low, close, vol);
    }
}
