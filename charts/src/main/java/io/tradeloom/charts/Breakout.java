package io.tradeloom.charts;

import java.time.Instant;

/**
 * The first close beyond a pattern's boundary after the pattern completed.
 *
 * @param price           that bar's close
 * @param level           the boundary's price at that bar (the neckline, the broken line or level)
 * @param volumeRatio     the bar's volume over the mean volume of the pattern's bars; null when that mean is zero
 * @param volumeConfirmed whether volumeRatio reached the configured minimum ({@link ChartSettings#breakoutVolume()})
 */
public record Breakout(int index, Instant time, double price, double level, Direction direction, Double volumeRatio,
                       boolean volumeConfirmed) {
}
