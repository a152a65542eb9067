package io.tradeloom.broker;

import java.math.BigDecimal;
import java.time.Instant;

/** The account's value at one moment, for portfolio history. */
public record EquitySnapshot(Instant time, BigDecimal equity, BigDecimal cash) {
}
