package io.tradeloom.strategy;

import java.util.Objects;

/**
 * A candlestick pattern detected near the candidate's last bar.
 *
 * @param pattern TA-Lib's function name, e.g. {@code CDLENGULFING}
 * @param value   TA-Lib's output: +-100, or +-200 for a confirmed pattern
 * @param barsAgo 0 when it completed on the last bar, 1 on the one before, ...
 */
public record CandleSignal(String pattern, int value, int barsAgo) {

    public CandleSignal {
        Objects.requireNonNull(pattern, "pattern");
        if (barsAgo < 0) {
            throw new IllegalArgumentException("barsAgo must be >= 0, was " + barsAgo);
        }
    }
}
