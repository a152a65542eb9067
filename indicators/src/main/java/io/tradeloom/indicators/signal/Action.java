package io.tradeloom.indicators.signal;

/** What a signal suggests. */
public enum Action {
    BUY, SELL, HOLD
}
