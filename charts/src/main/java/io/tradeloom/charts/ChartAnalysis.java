package io.tradeloom.charts;

import java.util.List;

/**
 * What {@link ChartEngine} found in one series.
 *
 * @param pivots   the zigzag's swing highs and lows, oldest first
 * @param patterns the patterns of the requested types, ordered by end bar, then start bar
 * @param bias     in [-1, 1]: the confidence-weighted direction of the recent non-context patterns (see {@link ChartEngine#bias})
 */
public record ChartAnalysis(List<Pivot> pivots, List<ChartPattern> patterns, double bias) {

    public ChartAnalysis {
        pivots = List.copyOf(pivots);
        patterns = List.copyOf(patterns);
    }
}
