package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Bull and bear flags and pennants: a pole (a move of at least poleAtr ATRs within maxPoleBars bars) followed by
 * a narrow consolidation (at most flagWidth of the pole, retracing at most maxRetrace of it) with a lower swing
 * high, then a close above the consolidation's upper line: the line from the pole's top that stays on or above
 * every later high. Bear
 * patterns are bull patterns of the mirrored price.
 */
final class Flags {

    private final Chart chart;
    private final ChartSettings s;

    Flags(Chart chart) {
        this.chart = chart;
        this.s = chart.settings;
    }

    List<ChartPattern> find() {
        List<ChartPattern> found = new ArrayList<>();
        scan(1, found);
        scan(-1, found);
        return found;
    }

    private double hi(int i, double m) {
        return m > 0 ? chart.high(i) : -chart.low(i);
    }

    private double lo(int i, double m) {
        return m > 0 ? chart.low(i) : -chart.high(i);
    }

    private void scan(double m, List<ChartPattern> found) {
        int n = chart.n;
        int t = 1;
        while (t < n - s.minFlagBars()) {
            int next = flagAt(t, m, found);
            t = Math.max(t + 1, next);
        }
    }

    /** Tries bar t as the pole's top; returns the bar to continue scanning from. */
    private int flagAt(int t, double m, List<ChartPattern> found) {
        int n = chart.n;
        // The pole's top is the highest high within minFlagBars bars either side.
        for (int i = Math.max(0, t - s.minFlagBars()); i <= Math.min(n - 1, t + s.minFlagBars()); i++) {
            if (hi(i, m) > hi(t, m) || (i < t && hi(i, m) == hi(t, m))) {
                return t + 1;
            }
        }
        int start = t - 1;
        for (int i = Math.max(0, t - s.maxPoleBars()); i < t; i++) {
            if (lo(i, m) < lo(start, m)) {
                start = i;
            }
        }
        double pole = hi(t, m) - lo(start, m);
        // The pole starts where the move began: the latest bar within a tenth of the pole of its lowest low.
        for (int i = t - 1; i > start; i--) {
            if (lo(i, m) - lo(start, m) <= 0.1 * pole) {
                start = i;
                break;
            }
        }
        if (pole < s.poleAtr() * chart.atr[start]) {
            return t + 1;
        }
        double floor = hi(t, m) - s.maxRetrace() * pole;
        int from = t + 1;
        int breakoutAt = -1;
        for (int b = from; b <= Math.min(n - 1, t + s.maxFlagBars() + 1); b++) {
            // The upper line needs a second point, a lower high inside the consolidation: until one has formed,
            // a bounce out of the first leg down draws the line rather than breaking it.
            if (b - from >= s.minFlagBars() && hasLowerHigh(from, b - 1, m)
                    && m * chart.close(b) > ceiling(t, b - 1, m).at(b) + s.breakoutAtr() * chart.atr[b]) {
                breakoutAt = b;
                break;
            }
            if (hi(b, m) > hi(t, m) || lo(b, m) < floor) {
                return t + 1; // a new high before the breakout, or too deep a pullback: no flag from this top
            }
        }
        int end;
        if (breakoutAt >= 0) {
            end = breakoutAt - 1;
        } else {
            if (t + s.maxFlagBars() + 1 <= n - 1 || n - from < s.minFlagBars()) {
                return t + 1; // expired without a breakout, or too short yet to call
            }
            end = n - 1;
        }
        double range = highest(from, end, m) - lowest(from, end, m);
        if (range > s.flagWidth() * pole) {
            return t + 1; // a pullback as deep as a swing is no flag: flags are narrow beside their poles
        }
        if (m * (chart.close(end) - chart.close(from)) > s.flatTolerance() * pole) {
            return t + 1; // a flag drifts against its pole or sideways, never with it
        }
        // Pennant: the second half of the consolidation has lower highs, higher lows and at most pennantWidth
        // of the first half's range; otherwise (parallel, drifting) a flag.
        int mid = (from + end) / 2;
        double firstHigh = highest(from, mid, m);
        double firstLow = lowest(from, mid, m);
        double secondHigh = highest(mid + 1, end, m);
        double secondLow = lowest(mid + 1, end, m);
        boolean pennant = end > mid && secondHigh < firstHigh && secondLow > firstLow
                && secondHigh - secondLow <= s.pennantWidth() * (firstHigh - firstLow);
        ChartPatternType type = m > 0
                ? (pennant ? ChartPatternType.BULL_PENNANT : ChartPatternType.BULL_FLAG)
                : (pennant ? ChartPatternType.BEAR_PENNANT : ChartPatternType.BEAR_FLAG);
        Line top = ceiling(t, end, m);
        Line bottom = bounds(from, end, m).lower;

        Breakout breakout = null;
        if (breakoutAt >= 0) {
            double mean = chart.meanVolume(start, end);
            Double ratio = mean > 0 ? chart.bars.volume()[breakoutAt] / mean : null;
            breakout = new Breakout(breakoutAt, chart.bars.time()[breakoutAt], chart.close(breakoutAt),
                    m * top.at(breakoutAt), m > 0 ? Direction.BULLISH : Direction.BEARISH, ratio,
                    ratio != null && ratio >= s.breakoutVolume());
        }
        int deepest = from;
        for (int i = from; i <= end; i++) {
            if (lo(i, m) < lo(deepest, m)) {
                deepest = i;
            }
        }
        double retrace = (hi(t, m) - lo(deepest, m)) / pole;
        List<Pivot> pivots = List.of(pivot(start, -m), pivot(t, m), pivot(deepest, -m));
        Line upper = real(top, m, m > 0 ? "upper" : "lower");
        Line lower = real(bottom, m, m > 0 ? "lower" : "upper");
        double level = breakout != null ? breakout.level() : upper.at(chart.n - 1);
        double target = level + m * pole;
        double shape = 0.5 + 0.25 * (1 - retrace / s.maxRetrace()) + 0.25 * Math.min(1, pole / (2 * s.poleAtr() * chart.atr[start]));
        found.add(chart.pattern(type, type.bias(), pivots, m > 0 ? List.of(upper, lower) : List.of(lower, upper), upper,
                shape, target, breakout));
        return Math.max(end, breakoutAt) + 1;
    }

    /**
     * The consolidation's upper line: from the pole's top, as steep as needed to stay on or above every high of
     * bars (t, to] (the line through the top and the highest of them relative to its distance).
     */
    private Line ceiling(int t, int to, double m) {
        double slope = Double.NEGATIVE_INFINITY;
        for (int i = t + 1; i <= to; i++) {
            slope = Math.max(slope, (hi(i, m) - hi(t, m)) / (i - t));
        }
        return new Line("upper", t, hi(t, m), to, hi(t, m) + slope * (to - t));
    }

    /** Whether bars [from, to] hold a swing high after their first bar: a high unexceeded within two bars each side. */
    private boolean hasLowerHigh(int from, int to, double m) {
        for (int i = from + 2; i <= to - 2; i++) {
            boolean swing = true;
            for (int j = i - 2; j <= i + 2 && swing; j++) {
                swing = hi(j, m) <= hi(i, m);
            }
            if (swing) {
                return true;
            }
        }
        return false;
    }

    private double lowest(int from, int to, double m) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            min = Math.min(min, lo(i, m));
        }
        return min;
    }

    private double highest(int from, int to, double m) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            max = Math.max(max, hi(i, m));
        }
        return max;
    }

    /** A pivot at bar i: a high of the mirrored price when side > 0. */
    private Pivot pivot(int i, double side) {
        boolean realHigh = side > 0;
        return new Pivot(i, chart.bars.time()[i], realHigh ? chart.high(i) : chart.low(i),
                realHigh ? Pivot.Kind.HIGH : Pivot.Kind.LOW);
    }

    private static Line real(Line mirrored, double m, String role) {
        return new Line(role, mirrored.startIndex(), m * mirrored.startPrice(), mirrored.endIndex(), m * mirrored.endPrice());
    }

    private record Bounds(Line upper, Line lower) {
    }

    /** Least-squares lines through the mirrored highs and lows of bars [from, to], shifted out to enclose them all. */
    private Bounds bounds(int from, int to, double m) {
        double[] x = new double[to - from + 1];
        double[] h = new double[x.length];
        double[] l = new double[x.length];
        for (int i = from; i <= to; i++) {
            x[i - from] = i;
            h[i - from] = hi(i, m);
            l[i - from] = lo(i, m);
        }
        double hs = slope(x, h);
        double ls = slope(x, l);
        double hOff = Double.NEGATIVE_INFINITY;
        double lOff = Double.POSITIVE_INFINITY;
        for (int j = 0; j < x.length; j++) {
            hOff = Math.max(hOff, h[j] - hs * x[j]);
            lOff = Math.min(lOff, l[j] - ls * x[j]);
        }
        return new Bounds(new Line("upper", from, hOff + hs * from, to, hOff + hs * to),
                new Line("lower", from, lOff + ls * from, to, lOff + ls * to));
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
