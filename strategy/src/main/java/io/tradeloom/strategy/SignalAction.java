package io.tradeloom.strategy;

/** The technical signal's action, as Technical Analysis reports it. */
public enum SignalAction {
    BUY, SELL, HOLD
}
