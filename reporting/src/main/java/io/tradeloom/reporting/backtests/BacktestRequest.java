package io.tradeloom.reporting.backtests;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/backtests} (and the command line's JSON file); every field but {@code symbols},
 * {@code start} and {@code end} optional. README.md in this module lists the defaults.
 *
 * @param start        the first New York date ({@code 2026-03-02}) or an RFC 3339 time
 * @param end          the last New York date, included, or an RFC 3339 time, excluded
 * @param source       {@code sim} (the simulated market, seed {@code seed}) or {@code replay} (CSV files in REPLAY_DIR)
 * @param strategy     strategy parameters by name over the default strategy ({@code entry_threshold}, ...)
 * @param preset       a scan preset picking the candidates at each decision; absent: every symbol is a candidate
 */
public record BacktestRequest(List<String> symbols, String timeframe, String start, String end, String source,
                              Long seed, BigDecimal startingCash, Costs costs, Map<String, Object> strategy,
                              String preset, Integer lookbackBars) {

    /**
     * What trading costs, as the paper broker charges them.
     *
     * @param slippageBps market and stop fills this many basis points worse than the bar's price
     */
    public record Costs(BigDecimal commissionPerShare, BigDecimal commissionPerOrder, BigDecimal commissionBps,
                        BigDecimal slippageBps) {
    }
}
