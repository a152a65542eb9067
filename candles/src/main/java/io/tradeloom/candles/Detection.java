package io.tradeloom.candles;

import java.time.Instant;

/**
 * A pattern completed at bar {@code index}: TA-Lib's non-zero output there.
 *
 * @param index the bar's position in the analysed series
 * @param time  that bar's time
 * @param value TA-Lib's output: +-100, or +-200 for a confirmed (modified) hikkake
 */
public record Detection(int index, Instant time, CandlePattern pattern, int value) {

    public Direction direction() {
        return Direction.of(value);
    }
}
