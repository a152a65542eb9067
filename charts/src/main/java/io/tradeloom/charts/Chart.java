package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.market.bar.BarSeries;

/** One series being analysed: its bars, ATR, zigzag pivots and the helpers every detector shares. */
final class Chart {

    final BarSeries bars;
    final ChartSettings settings;
    final int n;
    final double[] atr;
    final List<Pivot> pivots;

    Chart(BarSeries bars, ChartSettings settings, IndicatorEngine indicators) {
        this.bars = bars;
        this.settings = settings;
        this.n = bars.size();
        this.atr = atr(bars, settings.atrPeriod(), indicators);
        this.pivots = ZigZag.pivots(bars, atr, settings.reversalAtr(), settings.reversalPercent());
    }

    /**
     * TA-Lib's ATR, with its warm-up bars filled by the first defined value (or, in a series too short for one,
     * the mean high-low range) so that thresholds exist from the first bar.
     */
    private static double[] atr(BarSeries bars, int period, IndicatorEngine indicators) {
        int n = bars.size();
        double[] atr = new double[n];
        if (n == 0) {
            return atr;
        }
        double[] ta = n > period ? indicators.compute(bars, IndicatorSpec.parse("ATR(" + period + ")")).value() : new double[0];
        int first = -1;
        for (int i = 0; i < ta.length; i++) {
            if (Double.isFinite(ta[i])) {
                first = i;
                break;
            }
        }
        double fill;
        if (first >= 0) {
            fill = ta[first];
        } else {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += bars.high()[i] - bars.low()[i];
            }
            fill = sum / n;
        }
        // A series of flat bars has no range at all; a tiny positive ATR keeps ratios finite.
        double floor = Math.max(1e-9, 1e-6 * Math.abs(bars.close()[n - 1]));
        for (int i = 0; i < n; i++) {
            double v = first >= 0 && i >= first ? ta[i] : fill;
            atr[i] = Math.max(floor, Double.isFinite(v) ? v : fill);
        }
        return atr;
    }

    double close(int i) {
        return bars.close()[i];
    }

    double high(int i) {
        return bars.high()[i];
    }

    double low(int i) {
        return bars.low()[i];
    }

    /** Mean volume over bars [from, to]. */
    double meanVolume(int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += bars.volume()[i];
        }
        return sum / (to - from + 1);
    }

    /** What happened after a pattern completed. */
    record Outcome(Breakout breakout, boolean alive) {
        static final Outcome EXPIRED = new Outcome(null, false);
    }

    /**
     * Looks for the first close beyond the pattern's boundaries in bars (after, after + window]: above
     * {@code upper(i)} or below {@code lower(i)} by more than breakoutAtr ATRs. No such close while the window
     * has not passed means the pattern is still forming; none in a passed window means it expired.
     *
     * @param volumeFrom the pattern's first bar, for its mean volume
     */
    Outcome breakout(int after, int window, IntToDoubleFunction upper, IntToDoubleFunction lower, int volumeFrom) {
        int last = Math.min(n - 1, after + window);
        for (int i = after + 1; i <= last; i++) {
            double margin = settings.breakoutAtr() * atr[i];
            double up = upper.applyAsDouble(i);
            double down = lower.applyAsDouble(i);
            Direction dir = close(i) > up + margin ? Direction.BULLISH : close(i) < down - margin ? Direction.BEARISH : null;
            if (dir != null) {
                double mean = meanVolume(volumeFrom, after);
                Double ratio = mean > 0 ? bars.volume()[i] / mean : null;
                boolean confirmed = ratio != null && ratio >= settings.breakoutVolume();
                return new Outcome(new Breakout(i, bars.time()[i], close(i), dir == Direction.BULLISH ? up : down, dir,
                        ratio, confirmed), true);
            }
        }
        return after + window > n - 1 ? new Outcome(null, true) : Outcome.EXPIRED;
    }

    /**
     * The pattern record. Confidence = 0.55 x shape + 0.25 if broken out + 0.2 if the breakout's volume confirms it.
     *
     * @param shape how well the pivots fit the pattern's definition, in [0, 1]
     */
    ChartPattern pattern(ChartPatternType type, Direction direction, List<Pivot> pivots, List<Line> lines,
                         Line boundary, double shape, Double target, Breakout breakout) {
        int start = pivots.getFirst().index();
        int end = breakout != null ? breakout.index() : pivots.getLast().index();
        double level = breakout != null ? breakout.level() : boundary.at(n - 1);
        double confidence = 0.55 * clamp(shape) + (breakout != null ? 0.25 : 0)
                + (breakout != null && breakout.volumeConfirmed() ? 0.2 : 0);
        List<Line> drawn = new ArrayList<>();
        for (Line l : lines) {
            drawn.add(l.span(start, end));
        }
        return new ChartPattern(type, direction, start, end, bars.time()[start], bars.time()[end], pivots, drawn, level,
                clamp(confidence), target, breakout != null ? ChartPattern.CONFIRMED : ChartPattern.FORMING, breakout);
    }

    static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
