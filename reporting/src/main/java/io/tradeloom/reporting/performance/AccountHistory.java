package io.tradeloom.reporting.performance;

import java.util.List;

/**
 * What reports are computed from, for a backtest or the paper account: every fill up to the end of the period
 * (earlier ones too, so positions opened before the period are matched), and the equity curve.
 */
public record AccountHistory(List<Fill> fills, List<EquityPoint> equity) {

    public AccountHistory {
        fills = List.copyOf(fills);
        equity = List.copyOf(equity);
    }
}
