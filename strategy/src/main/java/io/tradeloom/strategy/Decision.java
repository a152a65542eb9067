package io.tradeloom.strategy;

/** What the strategy decides for one symbol in one cycle (or on one bar of a backtest). */
public enum Decision {
    /** Open a long position with a bracket (buy, stop below, target above). */
    ENTER_LONG,
    /** Open a short position with a bracket (sell short, stop above, target below). */
    ENTER_SHORT,
    /** Close the open position now. */
    EXIT,
    /** Do nothing. */
    HOLD
}
