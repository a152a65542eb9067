package io.tradeloom.reporting.performance;

import java.math.BigDecimal;
import java.time.Instant;

/** The account's equity (cash plus positions at market) at one instant. */
public record EquityPoint(Instant time, BigDecimal equity) {
}
