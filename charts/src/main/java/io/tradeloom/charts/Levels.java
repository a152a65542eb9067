package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Support and resistance: pivots (highs and lows alike) sorted by price and clustered, a pivot joining the
 * cluster when it lies within levelAtr ATRs (at that pivot) of the cluster's mean. A cluster of at least
 * minTouches pivots is a level at their mean price: support when the last close is above it, resistance when
 * below. Strength (the confidence) = 0.6 x min(1, (touches - 1) / 4) + 0.4 x how recent the last touch is
 * (its index / the last index). Only the maxLevels strongest are kept.
 */
final class Levels {

    private final Chart chart;
    private final ChartSettings s;

    Levels(Chart chart) {
        this.chart = chart;
        this.s = chart.settings;
    }

    private record Level(List<Pivot> touches, double price, double strength) {
    }

    List<ChartPattern> find() {
        if (chart.pivots.isEmpty()) {
            return List.of();
        }
        List<Pivot> sorted = new ArrayList<>(chart.pivots);
        sorted.sort(Comparator.comparingDouble(Pivot::price));
        List<Level> levels = new ArrayList<>();
        List<Pivot> cluster = new ArrayList<>();
        double sum = 0;
        for (Pivot p : sorted) {
            if (!cluster.isEmpty() && p.price() - sum / cluster.size() > s.levelAtr() * chart.atr[p.index()]) {
                add(cluster, levels);
                cluster = new ArrayList<>();
                sum = 0;
            }
            cluster.add(p);
            sum += p.price();
        }
        add(cluster, levels);
        levels.sort(Comparator.comparingDouble(Level::strength).reversed());
        List<ChartPattern> found = new ArrayList<>();
        for (Level level : levels.subList(0, Math.min(s.maxLevels(), levels.size()))) {
            found.add(pattern(level));
        }
        return found;
    }

    private void add(List<Pivot> cluster, List<Level> levels) {
        if (cluster.size() < s.minTouches()) {
            return;
        }
        List<Pivot> touches = new ArrayList<>(cluster);
        touches.sort(Comparator.comparingInt(Pivot::index));
        double price = touches.stream().mapToDouble(Pivot::price).average().orElseThrow();
        double recency = chart.n > 1 ? touches.getLast().index() / (double) (chart.n - 1) : 1;
        double strength = 0.6 * Math.min(1, (touches.size() - 1) / 4.0) + 0.4 * recency;
        levels.add(new Level(touches, price, strength));
    }

    /**
     * A level that price crossed after its last touch (a close beyond it by breakoutAtr ATRs) has broken out:
     * its target is the level plus (minus) the mean swing that followed its touches.
     */
    private ChartPattern pattern(Level level) {
        int last = level.touches.getLast().index();
        int first = level.touches.getFirst().index();
        long highs = level.touches.stream().filter(Pivot::isHigh).count();
        boolean actedAsResistance = highs * 2 >= level.touches.size();
        double price = level.price;
        Chart.Outcome outcome = actedAsResistance
                ? chart.breakout(last, chart.n, i -> price, i -> Double.NEGATIVE_INFINITY, first)
                : chart.breakout(last, chart.n, i -> Double.POSITIVE_INFINITY, i -> price, first);
        Breakout b = outcome.breakout();
        ChartPatternType type = chart.close(chart.n - 1) >= price ? ChartPatternType.SUPPORT : ChartPatternType.RESISTANCE;
        Direction direction = b != null ? b.direction() : Direction.NEUTRAL;
        Double target = b != null ? price + direction.sign() * meanSwing(level.touches) : null;
        int start = first;
        int end = b != null ? b.index() : last;
        double confidence = level.strength;
        return new ChartPattern(type, direction, start, end, chart.bars.time()[start], chart.bars.time()[end],
                level.touches, List.of(Line.horizontal("level", start, end, price)), price, Chart.clamp(confidence),
                target, b != null ? ChartPattern.CONFIRMED : ChartPattern.FORMING, b);
    }

    /** The mean distance from each touch to the next pivot (the swing away from the level). */
    private double meanSwing(List<Pivot> touches) {
        double sum = 0;
        int count = 0;
        for (Pivot t : touches) {
            int k = chart.pivots.indexOf(t);
            if (k + 1 < chart.pivots.size()) {
                sum += Math.abs(chart.pivots.get(k + 1).price() - t.price());
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
