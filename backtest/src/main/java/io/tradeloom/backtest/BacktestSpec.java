package io.tradeloom.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tradeloom.broker.BrokerConfig;
import io.tradeloom.broker.RiskLimits;
import io.tradeloom.indicators.signal.SignalRules;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.scan.ScanCriteria;
import io.tradeloom.strategy.StrategyConfig;

/**
 * What to backtest.
 *
 * @param symbols      the symbols traded (bars of others in the feed are ignored)
 * @param timeframe    the bars decisions are made on: 1Min, or minute bars rolled up to 5Min, 15Min or 1Hour
 *                     (orders always fill against the following minute bars)
 * @param start        the first bar time included; {@code end} the first excluded
 * @param broker       starting cash and costs (commission, slippage, liquidity), as the paper broker takes them
 * @param limits       the paper broker's risk manager limits
 * @param strategy     the strategy's parameters
 * @param signalRules  Technical Analysis' signal rules
 * @param scan         the scan that picks candidates at each decision, or {@code null} for every symbol
 * @param lookbackBars how many of the latest decision bars indicators and candlestick patterns see
 */
public record BacktestSpec(List<String> symbols, Timeframe timeframe, Instant start, Instant end, BrokerConfig broker,
                           RiskLimits limits, StrategyConfig strategy, SignalRules signalRules, ScanCriteria scan,
                           int lookbackBars) {

    public static final int DEFAULT_LOOKBACK = 200;

    public BacktestSpec {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(signalRules, "signalRules");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one symbol");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        if (timeframe == Timeframe.DAY_1) {
            throw new IllegalArgumentException("decisions are made intraday: 1Min, 5Min, 15Min or 1Hour");
        }
        if (lookbackBars < 2) {
            throw new IllegalArgumentException("lookbackBars must be at least 2, was " + lookbackBars);
        }
    }
}
