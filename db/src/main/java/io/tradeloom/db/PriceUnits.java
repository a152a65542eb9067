package io.tradeloom.db;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices are stored as whole units of 1/10,000 dollar (columns ending in {@code _e4}): the finest
 * tick Alpaca quotes, exact in a BIGINT, and cheap to compare in SQL.
 */
public final class PriceUnits {

    public static final int SCALE = 4;

    private PriceUnits() {
    }

    /** To storage units; a price finer than 1/10,000 is rounded half-up (no market quotes one). */
    public static long toE4(BigDecimal price) {
        return price.setScale(SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** From storage units, with trailing zeros stripped to the cent (150.1 -> 150.10, 0.1234 stays). */
    public static BigDecimal fromE4(long e4) {
        BigDecimal v = BigDecimal.valueOf(e4, SCALE).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
    }
}
