package io.tradeloom.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of a backtest, in the order the broker made them.
 *
 * @param side          {@code buy} or {@code sell}
 * @param clientOrderId the order's client id, {@code strategy:cycle:symbol:leg} as live orders'
 */
public record SimFill(int seq, Instant time, String symbol, String side, long qty, BigDecimal price,
                      BigDecimal commission, String clientOrderId) {
}
