package io.tradeloom.broker;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A holding: {@code qty} is signed (negative when short) and {@code costBasis} is the signed cost of the shares
 * still held (qty x average entry price, exact). {@code realizedPl} is this symbol's closed trading profit before
 * fees; {@code fees} the commissions paid on it.
 */
public record Position(String symbol, long qty, BigDecimal costBasis, BigDecimal realizedPl, BigDecimal fees) {

    public boolean isFlat() {
        return qty == 0;
    }

    /** The average entry price to the 1/10,000 (null when flat). */
    public BigDecimal avgEntryPrice() {
        return qty == 0 ? null
                : costBasis.divide(BigDecimal.valueOf(qty), 4, RoundingMode.HALF_EVEN);
    }

    public BigDecimal marketValue(BigDecimal mark) {
        return mark.multiply(BigDecimal.valueOf(qty));
    }

    /** Open profit at {@code mark}: market value minus cost, for longs and shorts alike. */
    public BigDecimal unrealizedPl(BigDecimal mark) {
        return marketValue(mark).subtract(costBasis);
    }
}
