package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How reports round: money to 1/10,000 dollar (at least cents shown), statistics to 6 decimals. */
public final class Numbers {

    private Numbers() {
    }

    public static BigDecimal money(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 2 ? r.setScale(2) : r;
    }

    /** A statistic to 6 decimals; {@code null} for an undefined (or non-finite) one. */
    public static BigDecimal stat(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        BigDecimal r = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
