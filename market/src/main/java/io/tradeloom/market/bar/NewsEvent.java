package io.tradeloom.market.bar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A simulated news item that moved {@code symbol}: the price jumped by {@code jumpReturn} (a simple return,
 * {@code -0.0523} = down 5.23 %) during the minute that starts at {@code time}. The news service writes the
 * headline from {@code kind} (e.g. {@code earnings}), the company's name and the {@link #tone()}.
 */
public record NewsEvent(String symbol, Instant time, BigDecimal jumpReturn, String kind) {

    public NewsEvent {
        Bar.requireSymbol(symbol);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(jumpReturn, "jumpReturn");
        Objects.requireNonNull(kind, "kind");
        if (jumpReturn.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new IllegalArgumentException("jumpReturn " + jumpReturn.toPlainString() + " must be above -1");
        }
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
    }

    /** +1 for good news (the price jumped up), -1 for bad news, 0 for none. */
    public int tone() {
        return jumpReturn.signum();
    }
}
