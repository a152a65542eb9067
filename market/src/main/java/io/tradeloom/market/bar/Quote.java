package io.tradeloom.market.bar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The best bid and offer for {@code symbol} at {@code time}; sizes in shares. */
public record Quote(String symbol, Instant time, BigDecimal bid, BigDecimal ask, long bidSize, long askSize) {

    public Quote {
        Bar.requireSymbol(symbol);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        if (bid.signum() <= 0) {
            throw new IllegalArgumentException("bid " + bid.toPlainString() + " must be positive");
        }
        if (ask.compareTo(bid) <= 0) {
            throw new IllegalArgumentException(
                    "ask " + ask.toPlainString() + " must be above bid " + bid.toPlainString());
        }
        if (bidSize < 0 || askSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative: bid " + bidSize + ", ask " + askSize);
        }
    }

    /** Ask minus bid. */
    public BigDecimal spread() {
        return ask.subtract(bid);
    }
}
