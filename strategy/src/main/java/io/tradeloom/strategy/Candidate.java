package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything the strategy knows about one symbol at one moment.
 *
 * @param symbol    the symbol
 * @param price     the price an order would trade at now (the quote's side, or the last close); {@code null}: the
 *                  signal's close is used
 * @param signal    the technical signal; {@code null} when Technical Analysis gave none (no entry is possible then)
 * @param candles   candlestick patterns detected on the last bars (empty when none or unknown)
 * @param chartBias the chart patterns' bias in [-1, 1]; {@code null} (service down, no data) reads as neutral 0
 * @param sentiment the news sentiment in [-1, 1]; {@code null} (service down, unknown symbol) reads as neutral 0
 */
public record Candidate(String symbol, BigDecimal price, TechnicalSignal signal, List<CandleSignal> candles,
                        BigDecimal chartBias, BigDecimal sentiment) {

    public Candidate {
        Objects.requireNonNull(symbol, "symbol");
        candles = candles == null ? List.of() : List.copyOf(candles);
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
    }

    /** The price an entry is planned at: {@link #price} when known, else the signal's close. */
    BigDecimal referencePrice() {
        if (price != null) {
            return price;
        }
        return signal == null ? null : signal.close();
    }
}
