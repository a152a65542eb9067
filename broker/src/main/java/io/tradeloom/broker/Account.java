package io.tradeloom.broker;

import java.math.BigDecimal;

/**
 * The account marked to market: equity is cash plus the signed market value of every position.
 *
 * @param lastEquity  equity at the start of the trading day (Alpaca's last_equity)
 * @param realizedPl  closed trading profit before fees, all time
 * @param fees        commissions paid, all time
 */
public record Account(BigDecimal cash, BigDecimal equity, BigDecimal longMarketValue, BigDecimal shortMarketValue,
                      BigDecimal buyingPower, BigDecimal lastEquity, BigDecimal realizedPl, BigDecimal fees,
                      BigDecimal unrealizedPl, int daytradeCount, boolean patternDayTrader,
                      BigDecimal multiplier, RiskStatus risk) {
}
