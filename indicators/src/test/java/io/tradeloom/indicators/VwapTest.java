package io.tradeloom.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;

class VwapTest {

    private final IndicatorEngine engine = new IndicatorEngine();

    @Test
    void cumulatesTypicalPriceTimesVolumeWithinEachSessionAndRestartsAtTheNext() {
        // 2025-03-03 and 03-04 open at 14:30Z (EST). Typical price = (high + low + close) / 3.
        BarSeries bars = new BarSeries(
                new Instant[] {t("2025-03-03T14:30:00Z"), t("2025-03-03T14:31:00Z"), t("2025-03-03T14:32:00Z"),
                        t("2025-03-03T21:05:00Z"), // after the 16:00 close
                        t("2025-03-04T14:30:00Z"), t("2025-03-04T14:31:00Z"), t("2025-03-04T14:32:00Z")},
                new double[] {10, 10, 12, 12, 20, 20, 21},
                new double[] {11, 12, 12, 13, 20, 21, 24},
                new double[] {9, 10, 12, 12, 20, 18, 21},
                new double[] {10, 11, 12, 12, 20, 21, 24},
                new double[] {100, 300, 0, 500, 0, 50, 150});

        double[] vwap = engine.compute(bars, IndicatorSpec.parse("VWAP")).value();

        assertThat(vwap[0]).isEqualTo(10.0);                    // tp 10 x 100 / 100
        assertThat(vwap[1]).isEqualTo(10.75);                   // (1000 + 11 x 300) / 400
        assertThat(vwap[2]).isEqualTo(10.75);                   // no volume: unchanged
        assertThat(vwap[3]).isNaN();                            // outside the session, and not counted
        assertThat(vwap[4]).isNaN();                            // the new session has no volume yet
        assertThat(vwap[5]).isEqualTo(20.0);                    // restarted: tp 20 x 50 / 50
        assertThat(vwap[6]).isEqualTo(22.25);                   // (1000 + 23 x 150) / 200
    }

    @Test
    void aDailyBarIsItsOwnSessionSoItsVwapIsItsTypicalPrice() {
        BarSeries days = BarSeries.of(BarAggregator.aggregate(TestBars.simulatedMinutes("AAPL", 5), Timeframe.DAY_1,
                TestBars.CALENDAR));

        double[] vwap = engine.compute(days, IndicatorSpec.parse("vwap")).value();

        assertThat(vwap).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(vwap[i]).isCloseTo((days.high()[i] + days.low()[i] + days.close()[i]) / 3, within(1e-9));
        }
    }

    @Test
    void staysWithinTheSessionsPriceRangeOnSimulatedMinutes() {
        BarSeries minutes = BarSeries.of(TestBars.simulatedMinutes("NVDA", 2));

        double[] vwap = engine.compute(minutes, IndicatorSpec.parse("VWAP")).value();

        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < minutes.size(); i++) {
            if (i == 390) { // the second session starts
                low = Double.MAX_VALUE;
                high = 0;
            }
            low = Math.min(low, minutes.low()[i]);
            high = Math.max(high, minutes.high()[i]);
            assertThat(vwap[i]).isBetween(low, high);
        }
    }

    private static Instant t(String time) {
        return Instant.parse(time);
    }
}
