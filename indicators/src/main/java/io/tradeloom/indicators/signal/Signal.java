package io.tradeloom.indicators.signal;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The rule set's verdict on the last bar of a series.
 *
 * @param time          the start of the bar evaluated
 * @param close         that bar's close
 * @param score         the weighted sum of the rules' contributions, clipped to [-1, 1] and rounded to 4 decimals
 * @param reasons       the rules that contributed (a rule contributing 0 is left out)
 * @param atr           ATR at that bar, once defined
 * @param suggestedStop close minus (BUY) or plus (SELL) the configured multiple of ATR; empty for
 *                      HOLD, without an ATR, or when a long stop would not be a positive price
 */
public record Signal(Instant time, double close, Action action, double score, List<Reason> reasons,
                     OptionalDouble atr, OptionalDouble suggestedStop) {

    public Signal {
        reasons = List.copyOf(reasons);
    }
}
