package io.tradeloom.alpaca.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.Quote;

/**
 * Alpaca's snapshot of one symbol. Each part is null when Alpaca sent none (a symbol that has not traded today
 * has no {@code minuteBar} or {@code dailyBar}) or when it broke the market module's invariants (counted as
 * skipped by the client, like any bar or quote).
 *
 * @param minuteBar    the latest minute bar
 * @param dailyBar     today's bar so far (Alpaca stamps it at midnight New York, not at the open)
 * @param prevDailyBar the previous trading day's bar
 */
public record Snapshot(String symbol, Trade latestTrade, Quote latestQuote, Bar minuteBar, Bar dailyBar,
                       Bar prevDailyBar) {

    public Snapshot {
        Objects.requireNonNull(symbol, "symbol");
    }

    /** A trade: its time, price and size in shares. */
    public record Trade(Instant time, BigDecimal price, long size) {

        public Trade {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(price, "price");
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("price " + price.toPlainString() + " must be positive");
            }
            if (size < 0) {
                throw new IllegalArgumentException("size " + size + " is negative");
            }
        }
    }
}
