package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Technical Analysis' signal on the candidate's last bar.
 *
 * @param action        BUY, SELL or HOLD
 * @param score         the rule set's score in [-1, 1]
 * @param close         the close of the bar judged
 * @param atr           ATR at that bar; {@code null} before it is defined
 * @param suggestedStop close minus (BUY) or plus (SELL) a multiple of ATR; {@code null} for HOLD or without ATR
 * @param reasons       the rules' reasons, as text, kept for the record
 */
public record TechnicalSignal(SignalAction action, BigDecimal score, BigDecimal close, BigDecimal atr,
                              BigDecimal suggestedStop, List<String> reasons) {

    public TechnicalSignal {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(close, "close");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
