package io.tradeloom.market.sim;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One simulated stock: its ticker, company name (for matching news to companies), the price before the first
 * simulated session, its beta to the market factor, its daily log-return volatility (0.02 = 2 %) and its average
 * daily volume in shares.
 */
public record SimSymbol(String symbol, String name, BigDecimal price, double beta, double dailyVol,
                        long avgVolume) {

    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    public SimSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (!TICKER.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' must be 1-10 of A-Z, 0-9 and '.'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(symbol + ": name must not be blank");
        }
        if (price.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException(symbol + ": price " + price + " must be at least 1");
        }
        if (!(beta >= 0 && beta <= 3)) {
            throw new IllegalArgumentException(symbol + ": beta " + beta + " must be in [0, 3]");
        }
        if (!(dailyVol > 0 && dailyVol <= 0.2)) {
            throw new IllegalArgumentException(symbol + ": daily_vol " + dailyVol + " must be in (0, 0.2]");
        }
        if (avgVolume <= 0) {
            throw new IllegalArgumentException(symbol + ": avg_volume " + avgVolume + " must be positive");
        }
    }
}
