package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Uptrend lines through rising swing lows and downtrend lines through falling swing highs. A candidate line
 * runs through two pivots of a kind (the second among the next 10 of that kind); every later pivot of that kind
 * within levelAtr ATRs of it touches it, until a close crosses it by more than levelAtr ATRs. Lines with at least
 * trendTouches touches are kept, most touches (then longest) first, dropping any that shares two pivots with one
 * kept; at most maxLevels. Closes beyond the line after its last touch break it.
 */
final class Trendlines {

    private static final int REACH = 10;

    private final Chart chart;
    private final ChartSettings s;

    Trendlines(Chart chart) {
        this.chart = chart;
        this.s = chart.settings;
    }

    private record Candidate(List<Pivot> touches, Line line) {
        int span() {
            return touches.getLast().index() - touches.getFirst().index();
        }
    }

    List<ChartPattern> find() {
        List<Candidate> candidates = new ArrayList<>();
        candidates(chart.pivots.stream().filter(p -> !p.isHigh()).toList(), 1, candidates);
        candidates(chart.pivots.stream().filter(Pivot::isHigh).toList(), -1, candidates);
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.touches.size()).thenComparingInt(Candidate::span).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.size() == s.maxLevels()) {
                break;
            }
            if (kept.stream().noneMatch(k -> shared(k.touches, c.touches) >= 2)) {
                kept.add(c);
            }
        }
        List<ChartPattern> found = new ArrayList<>();
        for (Candidate c : kept) {
            found.add(pattern(c));
        }
        return found;
    }

    static int shared(List<Pivot> a, List<Pivot> b) {
        int count = 0;
        for (Pivot p : a) {
            if (b.contains(p)) {
                count++;
            }
        }
        return count;
    }

    /** @param side +1 for lines under rising lows, -1 for lines over falling highs */
    private void candidates(List<Pivot> kind, int side, List<Candidate> out) {
        for (int a = 0; a < kind.size(); a++) {
            for (int b = a + 1; b < Math.min(kind.size(), a + 1 + REACH); b++) {
                Pivot pa = kind.get(a);
                Pivot pb = kind.get(b);
                if (side * (pb.price() - pa.price()) <= 0) {
                    continue;
                }
                Line line = Line.through("trend", pa.index(), pa.price(), pb.index(), pb.price());
                if (crossed(line, pa.index(), pb.index(), side)) {
                    continue;
                }
                List<Pivot> touches = new ArrayList<>(List.of(pa, pb));
                int reach = pb.index();
                for (int c = b + 1; c < kind.size(); c++) {
                    Pivot pc = kind.get(c);
                    if (crossed(line, reach, pc.index(), side)) {
                        break;
                    }
                    reach = pc.index();
                    if (Math.abs(pc.price() - line.at(pc.index())) <= s.levelAtr() * chart.atr[pc.index()]) {
                        touches.add(pc);
                    }
                }
                // Touches between a and b count too: a line may be drawn through its first and third touch.
                for (int c = a + 1; c < b; c++) {
                    Pivot pc = kind.get(c);
                    if (Math.abs(pc.price() - line.at(pc.index())) <= s.levelAtr() * chart.atr[pc.index()]) {
                        touches.add(pc);
                    }
                }
                if (touches.size() >= s.trendTouches()) {
                    touches.sort(Comparator.comparingInt(Pivot::index));
                    out.add(new Candidate(touches, line));
                }
            }
        }
    }

    /** Whether a close in (from, to] lies on the wrong side of the line by more than levelAtr ATRs. */
    private boolean crossed(Line line, int from, int to, int side) {
        for (int i = from + 1; i <= to; i++) {
            if (side * (chart.close(i) - line.at(i)) < -s.levelAtr() * chart.atr[i]) {
                return true;
            }
        }
        return false;
    }

    /** Intact: points its way; broken: the other way, with a target one greatest excursion from the line beyond it. */
    private ChartPattern pattern(Candidate c) {
        int first = c.touches.getFirst().index();
        int last = c.touches.getLast().index();
        boolean up = !c.touches.getFirst().isHigh();
        Line line = c.line;
        Chart.Outcome outcome = up
                ? chart.breakout(last, chart.n, i -> Double.POSITIVE_INFINITY, line::at, first)
                : chart.breakout(last, chart.n, line::at, i -> Double.NEGATIVE_INFINITY, first);
        Breakout b = outcome.breakout();
        ChartPatternType type = up ? ChartPatternType.UPTREND_LINE : ChartPatternType.DOWNTREND_LINE;
        Direction direction = b != null ? b.direction() : type.bias();
        Double target = null;
        if (b != null) {
            double excursion = 0;
            for (int i = first; i <= last; i++) {
                excursion = Math.max(excursion, up ? chart.high(i) - line.at(i) : line.at(i) - chart.low(i));
            }
            target = b.level() + direction.sign() * excursion;
        }
        double shape = 0.5 + 0.5 * Math.min(1, (c.touches.size() - 2) / 3.0);
        return chart.pattern(type, direction, c.touches, List.of(line), line, shape, target, b);
    }
}
