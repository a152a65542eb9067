package io.tradeloom.indicators.signal;

/**
 * One rule's part in a signal.
 *
 * @param rule         the rule's id, e.g. {@code ema_cross}
 * @param contribution the rule's value in [-1, 1] times its weight, rounded to 4 decimals
 * @param detail       what the rule saw, with the values, e.g. "RSI(14) 28.4 < 30: oversold"
 */
public record Reason(String rule, double contribution, String detail) {
}
