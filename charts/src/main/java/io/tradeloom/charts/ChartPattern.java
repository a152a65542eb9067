package io.tradeloom.charts;

import java.time.Instant;
import java.util.List;

/**
 * One chart pattern found in a bar series.
 *
 * @param direction  where the pattern points: its breakout's direction once broken, else the pattern's usual bias
 * @param startIndex the first bar of the pattern (its first pivot)
 * @param endIndex   the breakout bar when broken, else the pattern's last pivot
 * @param pivots     the swing highs and lows that define it, oldest first
 * @param lines      its lines (boundaries, neckline, trendline), each drawn over the pattern's bars
 * @param level      the neckline or breakout level: the boundary's price at the breakout bar, or at the last bar
 *                   analysed while the pattern has not broken out
 * @param confidence in [0, 1]; see docs/chart-patterns.md for how it is scored
 * @param target     the measured-move price target, null for a level or trendline that has not been broken
 * @param status     {@code forming} (complete, waiting for its breakout) or {@code confirmed} (broken out)
 * @param breakout   the breakout, null while forming
 */
public record ChartPattern(ChartPatternType type, Direction direction, int startIndex, int endIndex,
                           Instant startTime, Instant endTime, List<Pivot> pivots, List<Line> lines, double level,
                           double confidence, Double target, String status, Breakout breakout) {

    public static final String FORMING = "forming";
    public static final String CONFIRMED = "confirmed";

    public ChartPattern {
        pivots = List.copyOf(pivots);
        lines = List.copyOf(lines);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is outside [0, 1]");
        }
    }

    public boolean confirmed() {
        return breakout != null;
    }
}
