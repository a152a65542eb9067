package io.tradeloom.strategy;

/** The side of an order. */
public enum Side {
    BUY, SELL;

    /** The side that closes a position opened on this side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
