package io.tradeloom.backtest;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a backtest produced.
 *
 * @param bars      the bars processed (every symbol's)
 * @param elapsedMs wall-clock time of the run, for the record (not part of the deterministic output)
 */
public record BacktestResult(List<SimFill> fills, List<EquitySample> equity, long bars, BigDecimal finalEquity,
                             long elapsedMs) {
}
