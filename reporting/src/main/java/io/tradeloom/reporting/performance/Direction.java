package io.tradeloom.reporting.performance;

/** Whether a position profits from a rise (long) or a fall (short). */
public enum Direction {
    LONG, SHORT;

    static Direction of(Side opening) {
        return opening == Side.BUY ? LONG : SHORT;
    }

    /** +1 long, -1 short: profit = sign * (exit value - entry value). */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
