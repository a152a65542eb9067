package io.tradeloom.candles;

/**
 * The sign of a TA-Lib pattern output. TA-Lib reports patterns that have no direction (a doji, a long-legged doji)
 * as +100, so they read as bullish here too: the value is TA-Lib's, unreinterpreted.
 */
public enum Direction {
    BULLISH("bullish"),
    BEARISH("bearish");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The direction of a non-zero TA-Lib output. */
    public static Direction of(int value) {
        if (value == 0) {
            throw new IllegalArgumentException("a zero output is no detection");
        }
        return value > 0 ? BULLISH : BEARISH;
    }

    /** The lower-case name used in APIs. */
    public String label() {
        return label;
    }
}
