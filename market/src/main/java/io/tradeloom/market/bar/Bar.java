package io.tradeloom.market.bar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar: the trades of {@code symbol} in the interval that starts at {@code time}
 * (the interval's length is the bar's {@link Timeframe}, which the bar itself does not carry).
 * Prices are exact decimals; equality is {@link BigDecimal#equals}, so {@code 10.5} and {@code 10.50} differ.
 *
 * @param time the start of the bar's interval
 */
public record Bar(String symbol, Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                  long volume) {

    public Bar {
        requireSymbol(symbol);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (low.signum() <= 0) {
            throw new IllegalArgumentException("low " + low.toPlainString() + " must be positive");
        }
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException(
                    "high " + high.toPlainString() + " is below low " + low.toPlainString());
        }
        requireWithin("open", open, low, high);
        requireWithin("close", close, low, high);
        if (volume < 0) {
            throw new IllegalArgumentException("volume " + volume + " is negative");
        }
    }

    static void requireSymbol(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank() || symbol.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("symbol '" + symbol + "' must be non-blank without spaces");
        }
    }

    private static void requireWithin(String name, BigDecimal price, BigDecimal low, BigDecimal high) {
        if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
            throw new IllegalArgumentException(name + " " + price.toPlainString() + " is outside [low "
                    + low.toPlainString() + ", high " + high.toPlainString() + "]");
        }
    }
}
