package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Triangles, wedges and channels: 5 to 7 consecutive pivots whose highs and lows each lie on a straight line
 * (least squares through the highs, and through the lows). The lines' slopes and whether they converge decide
 * which pattern it is; lines that diverge (a broadening formation) make none.
 */
final class Geometry {

    static final int MIN_PIVOTS = 5;
    static final int MAX_PIVOTS = 7;

    private final Chart chart;
    private final ChartSettings s;

    Geometry(Chart chart) {
        this.chart = chart;
        this.s = chart.settings;
    }

    List<ChartPattern> find() {
        List<ChartPattern> found = new ArrayList<>();
        List<Pivot> p = chart.pivots;
        for (int k = 0; k + MIN_PIVOTS <= p.size(); k++) {
            for (int size = MIN_PIVOTS; size <= MAX_PIVOTS && k + size <= p.size(); size++) {
                window(p.subList(k, k + size), found);
            }
        }
        return found;
    }

    private void window(List<Pivot> pivots, List<ChartPattern> found) {
        List<Pivot> highs = pivots.stream().filter(Pivot::isHigh).toList();
        List<Pivot> lows = pivots.stream().filter(x -> !x.isHigh()).toList();
        Line upper = fit("upper", highs);
        Line lower = fit("lower", lows);
        int first = pivots.getFirst().index();
        int last = pivots.getLast().index();
        double startWidth = upper.at(first) - lower.at(first);
        double endWidth = upper.at(last) - lower.at(last);
        if (startWidth <= 0 || endWidth <= 0) {
            return;
        }
        double width = (startWidth + endWidth) / 2;
        double residual = 0;
        for (Pivot x : pivots) {
            double r = Math.abs(x.price() - (x.isHigh() ? upper : lower).at(x.index()));
            if (r > s.lineTolerance() * width) {
                return;
            }
            residual += r;
        }
        // Price stays between the lines while the pattern forms.
        for (int i = first; i <= last; i++) {
            double slack = s.lineTolerance() * width;
            if (chart.close(i) > upper.at(i) + slack || chart.close(i) < lower.at(i) - slack) {
                return;
            }
        }
        double ru = (upper.at(last) - upper.at(first)) / width;
        double rl = (lower.at(last) - lower.at(first)) / width;
        double q = endWidth / startWidth;
        double flat = s.flatTolerance();
        ChartPatternType type = null;
        if (q <= s.convergence()) {
            if (Math.abs(ru) <= flat && rl > flat) {
                type = ChartPatternType.ASCENDING_TRIANGLE;
            } else if (ru < -flat && Math.abs(rl) <= flat) {
                type = ChartPatternType.DESCENDING_TRIANGLE;
            } else if (ru < -flat && rl > flat) {
                type = ChartPatternType.SYMMETRICAL_TRIANGLE;
            } else if (ru > flat && rl > flat) {
                type = ChartPatternType.RISING_WEDGE;
            } else if (ru < -flat && rl < -flat) {
                type = ChartPatternType.FALLING_WEDGE;
            }
        } else if (q < 1 / s.convergence()) {
            if (ru > flat && rl > flat) {
                type = ChartPatternType.ASCENDING_CHANNEL;
            } else if (ru < -flat && rl < -flat) {
                type = ChartPatternType.DESCENDING_CHANNEL;
            } else if (Math.abs(ru) <= flat && Math.abs(rl) <= flat) {
                type = ChartPatternType.HORIZONTAL_CHANNEL;
            }
        }
        if (type == null) {
            return;
        }
        Chart.Outcome outcome = chart.breakout(last, last - first, upper::at, lower::at, first);
        if (!outcome.alive()) {
            return;
        }
        Breakout b = outcome.breakout();
        boolean wedge = type == ChartPatternType.RISING_WEDGE || type == ChartPatternType.FALLING_WEDGE;
        if (wedge && b != null && b.direction() != type.bias()) {
            return; // a wedge that breaks the way it slopes was no wedge
        }
        Direction direction = b != null ? b.direction() : type.bias();
        Line boundary = direction == Direction.BEARISH ? lower : upper;
        double fit = 1 - residual / pivots.size() / (s.lineTolerance() * width);
        double shape = 0.5 + 0.3 * fit + 0.2 * Math.min(1, (pivots.size() - 4) / 2.0);
        Double target = target(type, direction, b, upper, lower, first, startWidth, width);
        found.add(chart.pattern(type, direction, pivots, List.of(upper, lower), boundary, shape, target, b));
    }

    /**
     * Triangles: the widest part added at the breakout; wedges: back to where the wedge began; channels: one
     * channel width beyond the broken side. Before a breakout the same from the side the pattern leans to;
     * nothing for a neutral one.
     */
    private Double target(ChartPatternType type, Direction direction, Breakout b, Line upper, Line lower, int first,
                          double startWidth, double width) {
        if (direction == Direction.NEUTRAL) {
            return null;
        }
        int sign = direction.sign();
        double level = b != null ? b.level() : (sign > 0 ? upper : lower).at(chart.n - 1);
        return switch (type) {
            case RISING_WEDGE -> lower.at(first);
            case FALLING_WEDGE -> upper.at(first);
            case ASCENDING_CHANNEL, DESCENDING_CHANNEL, HORIZONTAL_CHANNEL -> level + sign * width;
            default -> level + sign * startWidth;
        };
    }

    /** Least squares through the pivots' (index, price). */
    static Line fit(String role, List<Pivot> points) {
        int n = points.size();
        double mx = 0;
        double my = 0;
        for (Pivot p : points) {
            mx += p.index();
            my += p.price();
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (Pivot p : points) {
            sxy += (p.index() - mx) * (p.price() - my);
            sxx += (p.index() - mx) * (p.index() - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        int a = points.getFirst().index();
        int z = points.getLast().index();
        return new Line(role, a, my + slope * (a - mx), z, my + slope * (z - mx));
    }
}
