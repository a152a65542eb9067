package io.tradeloom.charts;

/** Which way a pattern points price: up, down, or neither (a level, a symmetrical triangle before it breaks). */
public enum Direction {
    BULLISH("bullish", 1),
    BEARISH("bearish", -1),
    NEUTRAL("neutral", 0);

    private final String label;
    private final int sign;

    Direction(String label, int sign) {
        this.label = label;
        this.sign = sign;
    }

    /** The lower-case name used in APIs. */
    public String label() {
        return label;
    }

    /** +1, -1 or 0. */
    public int sign() {
        return sign;
    }

    public Direction opposite() {
        return switch (this) {
            case BULLISH -> BEARISH;
            case BEARISH -> BULLISH;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
