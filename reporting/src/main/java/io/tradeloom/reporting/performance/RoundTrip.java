package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The quantity of one entry order closed by one exit order, matched first in, first out.
 *
 * @param entryValue sum of quantity x price over the entry fills matched (so the average entry price is entryValue / qty)
 * @param commission the entry and exit fills' commissions allocated to this quantity
 * @param entryTime  the earliest entry fill matched; {@code exitTime} the latest exit fill
 */
public record RoundTrip(String symbol, String strategy, Direction direction, BigDecimal qty,
                        Instant entryTime, Instant exitTime, BigDecimal entryValue, BigDecimal exitValue,
                        BigDecimal commission, String entryOrder, String exitOrder) {

    public BigDecimal grossPnl() {
        BigDecimal diff = exitValue.subtract(entryValue);
        return direction == Direction.LONG ? diff : diff.negate();
    }

    public BigDecimal netPnl() {
        return grossPnl().subtract(commission);
    }

    public BigDecimal entryPrice() {
        return entryValue.divide(qty, 4, RoundingMode.HALF_UP);
    }

    public BigDecimal exitPrice() {
        return exitValue.divide(qty, 4, RoundingMode.HALF_UP);
    }

    /** Net P&L as a percentage of the capital the entry committed (entry value). */
    public double returnPct() {
        return netPnl().divide(entryValue, MathContext.DECIMAL64).doubleValue() * 100;
    }

    public Duration holding() {
        return Duration.between(entryTime, exitTime);
    }
}
