package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position.
 *
 * @param symbol        the symbol
 * @param quantity      shares, positive long, negative short, never 0
 * @param averageEntry  the average entry price
 * @param openedAt      when it was opened; {@code null} when unknown (the time stop then does not apply)
 */
public record Position(String symbol, long quantity, BigDecimal averageEntry, Instant openedAt) {

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        if (quantity == 0) {
            throw new IllegalArgumentException("a position has a non-zero quantity");
        }
    }

    public boolean isLong() {
        return quantity > 0;
    }
}
