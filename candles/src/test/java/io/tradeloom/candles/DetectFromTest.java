package io.tradeloom.candles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;

/** detect(bars, patterns, from) is the full detection's tail: TA-Lib's trailing averages still see the earlier bars. */
class DetectFromTest {

    private final CandleEngine engine = new CandleEngine();

    @Test
    void detectionsFromAnIndexAreExactlyTheFullDetectionsAtOrAfterIt() {
        List<CandlePattern> all = CandlePatterns.all();
        int checked = 0;
        for (BarSeries s : Series.simulated(2, Timeframe.MIN_1).values()) {
            // Windows of 32 bars, as a backtest takes them, judged on their last 3 bars.
            for (int end = 32; end <= s.size(); end += 37) {
                BarSeries w = window(s, end - 32, end);
                List<Detection> full = engine.detect(w, all).stream().filter(d -> d.index() >= 29).toList();
                assertThat(engine.detect(w, all, 29)).isEqualTo(full);
                checked += full.size();
            }
        }
        assertThat(checked).as("detections compared").isGreaterThan(50);
        assertThat(engine.detect(window(Series.simulated(1, Timeframe.MIN_1).values().iterator().next(), 0, 5), all, 5)).isEmpty();
    }

    private static BarSeries window(BarSeries s, int from, int to) {
        return new BarSeries(Arrays.copyOfRange(s.time(), from, to), Arrays.copyOfRange(s.open(), from, to),
                Arrays.copyOfRange(s.high(), from, to), Arrays.copyOfRange(s.low(), from, to),
                Arrays.copyOfRange(s.close(), from, to), Arrays.copyOfRange(s.volume(), from, to));
    }
}
