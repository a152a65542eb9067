package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Double and triple tops and bottoms, head and shoulders and its inverse: runs of 3 or 5 alternating pivots.
 * Bottoms are tops of the price mirrored (p -> -p), so each rule is written once, for tops.
 */
final class Reversals {

    private final Chart chart;
    private final ChartSettings s;

    Reversals(Chart chart) {
        this.chart = chart;
        this.s = chart.settings;
    }

    List<ChartPattern> find() {
        List<ChartPattern> found = new ArrayList<>();
        List<Pivot> p = chart.pivots;
        for (int k = 0; k + 2 < p.size(); k++) {
            double m = p.get(k).isHigh() ? 1 : -1;
            doubleTop(k, m, found);
            if (k + 4 < p.size()) {
                tripleTop(k, m, found);
                headAndShoulders(k, m, found);
            }
        }
        return found;
    }

    /** The mirrored price: tops stay, bottoms become tops of -price. */
    private double v(int k, double m) {
        return m * chart.pivots.get(k).price();
    }

    /**
     * Price came into the pattern from beyond its neckline: the pivot before the first peak (or, at the series'
     * start, the most extreme bar before it) lies below the neckline (mirrored).
     */
    private boolean trendsIn(int k, double m, double neckline) {
        if (k > 0) {
            return v(k - 1, m) < neckline;
        }
        int first = chart.pivots.get(k).index();
        for (int i = 0; i < first; i++) {
            if ((m > 0 ? chart.low(i) : -chart.high(i)) < neckline) {
                return true;
            }
        }
        return false;
    }

    private void doubleTop(int k, double m, List<ChartPattern> found) {
        double h1 = v(k, m);
        double neck = v(k + 1, m);
        double h2 = v(k + 2, m);
        double height = (h1 + h2) / 2 - neck;
        double diff = Math.abs(h1 - h2);
        if (height <= 0 || diff > s.equalTolerance() * height || !trendsIn(k, m, neck)) {
            return;
        }
        List<Pivot> pivots = chart.pivots.subList(k, k + 3);
        double peak = Math.max(h1, h2);
        double shape = 0.5 + 0.25 * (1 - diff / (s.equalTolerance() * height)) + 0.25 * timeSymmetry(pivots.get(0), pivots.get(1), pivots.get(2));
        complete(m > 0 ? ChartPatternType.DOUBLE_TOP : ChartPatternType.DOUBLE_BOTTOM, m, pivots,
                Line.horizontal("neckline", 0, 0, m * neck), peak, height, shape, found);
    }

    private void tripleTop(int k, double m, List<ChartPattern> found) {
        double h1 = v(k, m);
        double l1 = v(k + 1, m);
        double h2 = v(k + 2, m);
        double l2 = v(k + 3, m);
        double h3 = v(k + 4, m);
        double neck = Math.min(l1, l2);
        double height = (h1 + h2 + h3) / 3 - neck;
        double spread = Math.max(h1, Math.max(h2, h3)) - Math.min(h1, Math.min(h2, h3));
        // Troughs level too: with rising troughs the same highs make an ascending triangle instead.
        if (height <= 0 || spread > s.equalTolerance() * height || Math.abs(l1 - l2) > s.equalTolerance() * height
                || !trendsIn(k, m, neck)) {
            return;
        }
        List<Pivot> pivots = chart.pivots.subList(k, k + 5);
        double shape = 0.5 + 0.25 * (1 - spread / (s.equalTolerance() * height))
                + 0.25 * timeSymmetry(pivots.get(0), pivots.get(2), pivots.get(4));
        complete(m > 0 ? ChartPatternType.TRIPLE_TOP : ChartPatternType.TRIPLE_BOTTOM, m, pivots,
                Line.horizontal("neckline", 0, 0, m * neck), Math.max(h1, Math.max(h2, h3)), height, shape, found);
    }

    private void headAndShoulders(int k, double m, List<ChartPattern> found) {
        List<Pivot> pivots = chart.pivots.subList(k, k + 5);
        Pivot t1 = pivots.get(1);
        Pivot t2 = pivots.get(3);
        // The neckline through the two troughs, in mirrored prices.
        Line neck = Line.through("neckline", t1.index(), m * t1.price(), t2.index(), m * t2.price());
        double ls = v(k, m) - neck.at(pivots.get(0).index());
        double head = v(k + 2, m) - neck.at(pivots.get(2).index());
        double rs = v(k + 4, m) - neck.at(pivots.get(4).index());
        if (head <= 0 || ls <= 0 || rs <= 0) {
            return;
        }
        double clearance = v(k + 2, m) - Math.max(v(k, m), v(k + 4, m));
        double shoulders = Math.abs(v(k, m) - v(k + 4, m));
        double neckRise = Math.abs(neck.at(t2.index()) - neck.at(t1.index()));
        // Shoulders equal within twice the peak tolerance (they are judged against the head's height, which is larger),
        // and a neckline rising or falling by less than half the head's height.
        if (clearance < s.headMargin() * head || shoulders > 2 * s.equalTolerance() * head || neckRise > 0.5 * head
                || !trendsIn(k, m, Math.min(v(k + 1, m), v(k + 3, m)))) {
            return;
        }
        double shape = 0.5 + 0.25 * (1 - shoulders / (2 * s.equalTolerance() * head))
                + 0.25 * timeSymmetry(pivots.get(0), pivots.get(2), pivots.get(4));
        Line real = Line.through("neckline", t1.index(), t1.price(), t2.index(), t2.price());
        complete(m > 0 ? ChartPatternType.HEAD_AND_SHOULDERS : ChartPatternType.INVERSE_HEAD_AND_SHOULDERS, m, pivots,
                real, v(k + 2, m), head, shape, found);
    }

    /**
     * Waits for the close through the neckline within the pattern's own length: through it, the pattern is
     * confirmed; above the highest peak (mirrored) first, it failed and is dropped.
     *
     * @param neckline in real prices
     * @param peak     the highest peak, mirrored
     * @param height   the measured move, mirrored (positive)
     */
    private void complete(ChartPatternType type, double m, List<Pivot> pivots, Line neckline, double peak,
                          double height, double shape, List<ChartPattern> found) {
        int first = pivots.getFirst().index();
        int last = pivots.getLast().index();
        Chart.Outcome outcome = m > 0
                ? chart.breakout(last, last - first, i -> m * peak, neckline::at, first)
                : chart.breakout(last, last - first, neckline::at, i -> m * peak, first);
        if (!outcome.alive()) {
            return;
        }
        Breakout b = outcome.breakout();
        Direction expected = type.bias();
        if (b != null && b.direction() != expected) {
            return; // broke the wrong way: beyond the peaks, so no top (bottom) after all
        }
        double levelNow = b != null ? b.level() : neckline.at(chart.n - 1);
        double target = levelNow - m * height;
        found.add(chart.pattern(type, expected, pivots, List.of(neckline), neckline, shape, target, b));
    }

    /** 1 when the two halves a..b and b..c take equally long, falling towards 0 as they differ. */
    static double timeSymmetry(Pivot a, Pivot b, Pivot c) {
        double left = b.index() - a.index();
        double right = c.index() - b.index();
        return Math.min(left, right) / Math.max(left, right);
    }
}
