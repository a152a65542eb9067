package io.tradeloom.reporting.performance;

import java.math.BigDecimal;

/**
 * Every performance metric of one account, symbol or strategy over a period; the formulas are in
 * docs/reporting.md. Money to 1/10,000 dollar, statistics to 6 decimals; {@code null} where a metric is not
 * defined (no trades, no losses, too few days, no drawdown).
 */
public record Performance(
        BigDecimal startingEquity,
        BigDecimal endingEquity,
        BigDecimal netPnl,
        BigDecimal returnPct,
        BigDecimal cagrPct,
        BigDecimal sharpe,
        BigDecimal sortino,
        BigDecimal calmar,
        BigDecimal maxDrawdown,
        BigDecimal maxDrawdownPct,
        Long maxDrawdownDurationSeconds,
        int trades,
        int winners,
        int losers,
        BigDecimal winRatePct,
        BigDecimal grossProfit,
        BigDecimal grossLoss,
        BigDecimal profitFactor,
        BigDecimal expectancy,
        BigDecimal averageWin,
        BigDecimal averageLoss,
        BigDecimal averageHoldingSeconds,
        BigDecimal exposurePct,
        BigDecimal commissions) {
}
