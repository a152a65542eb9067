package io.tradeloom.broker;

import java.math.BigDecimal;

/**
 * The risk manager's limits; a null turns that limit off. Percentages are of equity (5 means 5%).
 *
 * @param maxPositionPctEquity   a position's market value after the order, as a % of equity
 * @param maxPositionShares      a position's size after the order, in shares
 * @param maxOpenPositions       symbols held or being opened at once
 * @param maxOrderNotional       one order's estimated value
 * @param reduceAtDailyLossPct   equity this far below the day's starting equity moves ACTIVE to REDUCING
 * @param haltAtDailyLossPct     equity this far below the day's starting equity moves to HALTED
 * @param haltAtDrawdownPct      equity this far below its peak moves to HALTED
 * @param allowShort             whether a sell may open or grow a short position
 * @param marketHoursOnly        whether orders are refused while the market is closed (Alpaca queues them)
 * @param pdtEquityThreshold     below this equity, four day trades in five sessions flag a pattern day trader
 */
public record RiskLimits(BigDecimal maxPositionPctEquity, Long maxPositionShares, Integer maxOpenPositions,
                         BigDecimal maxOrderNotional, BigDecimal reduceAtDailyLossPct, BigDecimal haltAtDailyLossPct,
                         BigDecimal haltAtDrawdownPct, boolean allowShort, boolean marketHoursOnly,
                         BigDecimal pdtEquityThreshold) {

    /** Sensible defaults for a $100k paper account. */
    public static RiskLimits defaults() {
        return new RiskLimits(new BigDecimal("25"), 100_000L, 20, new BigDecimal("50000"), new BigDecimal("2"),
                new BigDecimal("3"), new BigDecimal("10"), true, false, new BigDecimal("25000"));
    }

    /** Nothing limited: for backtests that measure a strategy, not the guard rails. */
    public static RiskLimits none() {
        return new RiskLimits(null, null, null, null, null, null, null, true, false, null);
    }
}
