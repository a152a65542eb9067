package io.tradeloom.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** The account marked to market after every bar of one time had been processed. */
public record EquitySample(Instant time, BigDecimal equity, BigDecimal cash) {
}
