package io.tradeloom.broker;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The risk manager's persistent state: the trading state and why, and the marks the loss limits are measured
 * from (equity at the start of the trading day, and its peak).
 */
public record RiskStatus(RiskState state, String reason, LocalDate tradingDay, BigDecimal dayStartEquity,
                         BigDecimal peakEquity, Instant updatedAt) {

    public RiskStatus withState(RiskState s, String why, Instant at) {
        return new RiskStatus(s, why, tradingDay, dayStartEquity, peakEquity, at);
    }
}
