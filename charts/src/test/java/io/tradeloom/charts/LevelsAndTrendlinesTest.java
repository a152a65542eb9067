package io.tradeloom.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.BarSeries;

/** Support and resistance from clustered pivots, and trendlines through rising lows or falling highs. */
class LevelsAndTrendlinesTest {

    private static final ChartEngine ENGINE = new ChartEngine();

    @Test
    void aRangeBetween95And100GivesSupportAt95AndResistanceAt100WithTheirTouches() {
        // 4 highs at 100 and 4 lows at 95; the series ends mid-range at 97.5
        BarSeries bars = Generated.through(7, 97, 100, 95, 100, 95, 100, 95, 100, 95, 97.5);

        List<ChartPattern> found = ENGINE.analyse(bars).patterns();

        ChartPattern support = found.stream().filter(p -> p.type() == ChartPatternType.SUPPORT).findFirst().orElseThrow();
        ChartPattern resistance = found.stream().filter(p -> p.type() == ChartPatternType.RESISTANCE).findFirst().orElseThrow();
        assertThat(support.level()).isCloseTo(95, org.assertj.core.data.Offset.offset(0.4));
        assertThat(resistance.level()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.4));
        assertThat(support.pivots()).hasSize(4).allMatch(p -> !p.isHigh());
        assertThat(resistance.pivots()).hasSize(4).allMatch(Pivot::isHigh);
        assertThat(support.status()).isEqualTo(ChartPattern.FORMING);
        assertThat(support.target()).isNull();
        assertThat(support.confidence()).isGreaterThan(0.6);
    }

    @Test
    void aCloseThroughResistanceAfterItsLastTouchIsItsBreakoutAndTurnsItIntoSupport() {
        BarSeries bars = Generated.through(8, 97, 100, 95, 100, 95, 100, 96, 106);

        ChartPattern level = ENGINE.analyse(bars).patterns().stream()
                .filter(p -> p.type() == ChartPatternType.SUPPORT && Math.abs(p.level() - 100) < 0.5).findFirst().orElseThrow();

        assertThat(level.breakout()).isNotNull();
        assertThat(level.direction()).isEqualTo(Direction.BULLISH);
        assertThat(level.target()).isGreaterThan(level.level());
    }

    @Test
    void risingLowsOnOneLineMakeAnUptrendLineThatBreaksWhenPriceClosesUnderIt() {
        // lows 90, 92, 94, 96 on a line (a leg is 8 to 16 bars, so the lows are only roughly evenly spaced)
        BarSeries intact = Generated.through(11, 95, 90, 97, 92, 99, 94, 101, 96, 103);
        BarSeries broken = Generated.through(11, 95, 90, 97, 92, 99, 94, 101, 96, 103, 88);

        assertThat(ENGINE.analyse(intact).patterns()).filteredOn(p -> p.type() == ChartPatternType.UPTREND_LINE)
                .anySatisfy(p -> {
                    assertThat(p.pivots().size()).isGreaterThanOrEqualTo(3);
                    assertThat(p.direction()).isEqualTo(Direction.BULLISH);
                    assertThat(p.breakout()).isNull();
                });
        assertThat(ENGINE.analyse(broken).patterns()).filteredOn(p -> p.type() == ChartPatternType.UPTREND_LINE)
                .anySatisfy(p -> {
                    assertThat(p.breakout()).isNotNull();
                    assertThat(p.direction()).isEqualTo(Direction.BEARISH);
                    assertThat(p.target()).isLessThan(p.breakout().level());
                });
    }

    @Test
    void fallingHighsMakeADowntrendLine() {
        BarSeries bars = Generated.through(12, 105, 110, 100, 108, 98, 106, 96, 104, 94);

        assertThat(ENGINE.analyse(bars).patterns()).anyMatch(p -> p.type() == ChartPatternType.DOWNTREND_LINE
                && p.pivots().size() >= 3 && p.pivots().stream().allMatch(Pivot::isHigh));
    }

    @Test
    void swingsAlternateAndEachIsTheExtremeOfItsBar() {
        BarSeries bars = Generated.through(13, 97, 100, 95, 100, 95, 97.5);

        List<Pivot> pivots = ENGINE.analyse(bars).pivots();

        assertThat(pivots).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < pivots.size(); i++) {
            assertThat(pivots.get(i).kind()).isNotEqualTo(pivots.get(i - 1).kind());
            assertThat(pivots.get(i).index()).isGreaterThan(pivots.get(i - 1).index());
        }
        for (Pivot p : pivots) {
            assertThat(p.price()).isEqualTo(p.isHigh() ? bars.high()[p.index()] : bars.low()[p.index()]);
        }
    }
}
