package io.tradeloom.charts;

/**
 * Every threshold of the chart pattern rules; docs/chart-patterns.md explains each with a sketch. Heights and
 * tolerances are relative to the pattern's own height or to ATR, so the rules hold on any timeframe and price.
 *
 * @param atrPeriod       Wilder's ATR period (TA-Lib ATR) the ATR-based thresholds use
 * @param reversalAtr     zigzag: a swing is confirmed when price reverses by this many ATRs from the extreme
 * @param reversalPercent zigzag: ... or by this fraction of price, whichever is larger (0 turns it off)
 * @param equalTolerance  two peaks (troughs) are "equal" when they differ by at most this fraction of the pattern's height
 * @param headMargin      a head must clear the higher shoulder by at least this fraction of its height above the neckline
 * @param lineTolerance   a pivot touches a boundary when it lies within this fraction of the pattern's mean width of it
 * @param flatTolerance   a boundary is flat when it rises or falls by at most this fraction of the pattern's mean width
 * @param convergence     lines converge (triangle, wedge) when the end width is at most this fraction of the start width;
 *                        they are parallel (channel) when the ratio lies within [convergence, 1 / convergence]
 * @param levelAtr        support/resistance: pivots within this many ATRs of each other form one level
 * @param minTouches      support/resistance: the fewest pivots that make a level
 * @param maxLevels       support/resistance: only the strongest this many levels are reported
 * @param trendTouches    trendlines: the fewest pivots on the line
 * @param breakoutAtr     a breakout is a close beyond the boundary by more than this many ATRs
 * @param breakoutVolume  a breakout is volume-confirmed when its bar's volume is at least this multiple of the pattern's mean
 * @param poleAtr         flags/pennants: the pole must move at least this many ATRs
 * @param maxPoleBars     flags/pennants: ... within at most this many bars
 * @param minFlagBars     flags/pennants: the consolidation lasts at least this many bars
 * @param maxFlagBars     flags/pennants: ... and breaks out within this many bars, or the flag has expired
 * @param maxRetrace      flags/pennants: the consolidation retraces at most this fraction of the pole
 * @param flagWidth       flags/pennants: the consolidation is at most this fraction of the pole wide
 * @param pennantWidth    flags/pennants: a pennant's end width is at most this fraction of its start width (a flag's more)
 * @param recentBars      the bias counts patterns that ended (broke out or completed) within this many last bars
 */
public record ChartSettings(int atrPeriod, double reversalAtr, double reversalPercent, double equalTolerance,
                            double headMargin, double lineTolerance, double flatTolerance, double convergence,
                            double levelAtr, int minTouches, int maxLevels, int trendTouches, double breakoutAtr,
                            double breakoutVolume, double poleAtr, int maxPoleBars, int minFlagBars, int maxFlagBars,
                            double maxRetrace, double flagWidth, double pennantWidth, int recentBars) {

    public ChartSettings {
        positive("atrPeriod", atrPeriod);
        positive("reversalAtr", reversalAtr);
        atLeastZero("reversalPercent", reversalPercent);
        fraction("equalTolerance", equalTolerance);
        fraction("headMargin", headMargin);
        fraction("lineTolerance", lineTolerance);
        fraction("flatTolerance", flatTolerance);
        fraction("convergence", convergence);
        positive("levelAtr", levelAtr);
        if (minTouches < 2) {
            throw new IllegalArgumentException("minTouches must be at least 2, was " + minTouches);
        }
        positive("maxLevels", maxLevels);
        if (trendTouches < 2) {
            throw new IllegalArgumentException("trendTouches must be at least 2, was " + trendTouches);
        }
        atLeastZero("breakoutAtr", breakoutAtr);
        atLeastZero("breakoutVolume", breakoutVolume);
        positive("poleAtr", poleAtr);
        positive("maxPoleBars", maxPoleBars);
        positive("minFlagBars", minFlagBars);
        if (maxFlagBars < minFlagBars) {
            throw new IllegalArgumentException("maxFlagBars (" + maxFlagBars + ") must be at least minFlagBars (" + minFlagBars + ")");
        }
        fraction("maxRetrace", maxRetrace);
        fraction("flagWidth", flagWidth);
        fraction("pennantWidth", pennantWidth);
        positive("recentBars", recentBars);
    }

    public static ChartSettings defaults() {
        return new ChartSettings(14, 2.5, 0.0, 0.15, 0.1, 0.12, 0.3, 0.75, 0.5, 2, 6, 3, 0.1, 1.5, 4.0, 15, 4, 30,
                0.5, 0.33, 0.75, 60);
    }

    private static void positive(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
    }

    private static void atLeastZero(String name, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(name + " must not be negative, was " + v);
        }
    }

    private static void fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + v);
        }
    }
}
