package io.tradeloom.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The strategy's decision for one symbol, with everything that led to it.
 *
 * @param symbol     the symbol
 * @param decision   what to do
 * @param score      the composite score in [-1, 1] ({@code null} when there was no technical signal to score)
 * @param components the inputs as scored: technical, candles, chart, sentiment, each in [-1, 1]
 * @param reasons    why, one line per rule that decided, in the order they were checked
 * @param bracket    the orders for ENTER_LONG / ENTER_SHORT; empty otherwise
 */
public record Evaluation(String symbol, Decision decision, BigDecimal score, Components components,
                         List<String> reasons, Optional<Bracket> bracket) {

    public Evaluation {
        reasons = List.copyOf(reasons);
    }

    /** The four inputs in [-1, 1] after missing ones were made neutral. */
    public record Components(BigDecimal technical, BigDecimal candles, BigDecimal chart, BigDecimal sentiment) {
    }
}
