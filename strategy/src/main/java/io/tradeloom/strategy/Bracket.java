package io.tradeloom.strategy;

import java.math.BigDecimal;

/**
 * The orders of an entry: the entry itself, a protective stop and a profit target, sized from risk.
 *
 * @param side       BUY for a long entry, SELL for a short one
 * @param quantity   whole shares, at least 1
 * @param entry      the reference entry price (the entry is sent as a market order; this is what sizing assumed)
 * @param stop       the stop-loss price: entry -+ the ATR stop distance
 * @param target     the take-profit price: entry +- the reward multiple times the stop distance
 * @param riskAmount what hitting the stop would lose: quantity x |entry - stop|
 */
public record Bracket(Side side, long quantity, BigDecimal entry, BigDecimal stop, BigDecimal target,
                      BigDecimal riskAmount) {
}
