package io.tradeloom.indicators.signal;

import io.tradeloom.indicators.Indicator;
import io.tradeloom.indicators.IndicatorSpec;

/**
 * The configurable rule set {@link SignalEngine} applies (described rule by rule in
 * technical/README.md). Each rule yields a value in [-1, 1] that is multiplied by its weight; a weight
 * of 0 turns the rule off. Every constructor checks its values, periods against TA-Lib's ranges.
 *
 * @param crossLookback   a crossover (EMA or MACD) counts as fresh for this many bars, the last included
 * @param buyThreshold    BUY when the score is at least this
 * @param sellThreshold   SELL when the score is at most this
 * @param stopAtrMultiple the suggested stop lies this many ATRs from the close
 */
public record SignalRules(EmaCross emaCross, Adx adx, Rsi rsi, Macd macd, Bollinger bollinger, AtrMove atrMove,
                          int crossLookback, double buyThreshold, double sellThreshold, double stopAtrMultiple) {

    public SignalRules {
        require(crossLookback >= 1, "cross-lookback must be at least 1, was " + crossLookback);
        require(sellThreshold >= -1 && sellThreshold < buyThreshold && buyThreshold <= 1,
                "thresholds must satisfy -1 <= sell-threshold < buy-threshold <= 1, were " + sellThreshold + " and " + buyThreshold);
        require(stopAtrMultiple > 0 && Double.isFinite(stopAtrMultiple), "stop-atr-multiple must be positive, was " + stopAtrMultiple);
    }

    /** The defaults: weights summing to 1, BUY at 0.3 and above, SELL at -0.3 and below, stop 2 ATR(14) away. */
    public static SignalRules defaults() {
        return new SignalRules(new EmaCross(0.30, 9, 21), new Adx(0.15, 14, 25), new Rsi(0.15, 14, 30, 70),
                new Macd(0.20, 12, 26, 9), new Bollinger(0.10, 20, 2), new AtrMove(0.10, 14, 1.0), 3, 0.3, -0.3, 2.0);
    }

    /** Trend: EMA(fast) crossing or lying above (+) or below (-) EMA(slow). */
    public record EmaCross(double weight, int fast, int slow) {
        public EmaCross {
            requireWeight(weight, "ema-cross");
            require(fast < slow, "ema-cross fast (" + fast + ") must be below slow (" + slow + ")");
            IndicatorSpec.of(Indicator.EMA, fast);
            IndicatorSpec.of(Indicator.EMA, slow);
        }

        public IndicatorSpec fastSpec() {
            return IndicatorSpec.of(Indicator.EMA, fast);
        }

        public IndicatorSpec slowSpec() {
            return IndicatorSpec.of(Indicator.EMA, slow);
        }
    }

    /** Trend strength: with ADX at or above the threshold, the side of the larger directional index. */
    public record Adx(double weight, int period, double threshold) {
        public Adx {
            requireWeight(weight, "adx");
            require(threshold >= 0 && threshold <= 100, "adx threshold must be in [0, 100], was " + threshold);
            IndicatorSpec.of(Indicator.ADX, period);
        }

        public IndicatorSpec adxSpec() {
            return IndicatorSpec.of(Indicator.ADX, period);
        }

        public IndicatorSpec plusSpec() {
            return IndicatorSpec.of(Indicator.PLUS_DI, period);
        }

        public IndicatorSpec minusSpec() {
            return IndicatorSpec.of(Indicator.MINUS_DI, period);
        }
    }

    /** Momentum, mean-reverting: RSI below oversold (+1) or above overbought (-1). */
    public record Rsi(double weight, int period, double oversold, double overbought) {
        public Rsi {
            requireWeight(weight, "rsi");
            require(0 <= oversold && oversold < overbought && overbought <= 100,
                    "rsi levels must satisfy 0 <= oversold < overbought <= 100, were " + oversold + " and " + overbought);
            IndicatorSpec.of(Indicator.RSI, period);
        }

        public IndicatorSpec spec() {
            return IndicatorSpec.of(Indicator.RSI, period);
        }
    }

    /** Momentum: the MACD line crossing or lying above (+) or below (-) its signal line. */
    public record Macd(double weight, int fast, int slow, int signal) {
        public Macd {
            requireWeight(weight, "macd");
            IndicatorSpec.of(Indicator.MACD, fast, slow, signal);
        }

        public IndicatorSpec spec() {
            return IndicatorSpec.of(Indicator.MACD, fast, slow, signal);
        }
    }

    /** Volatility, mean-reverting: the close below the lower band (+1) or above the upper band (-1). */
    public record Bollinger(double weight, int period, double deviations) {
        public Bollinger {
            requireWeight(weight, "bbands");
            require(deviations > 0, "bbands deviations must be positive, was " + deviations);
            IndicatorSpec.of(Indicator.BBANDS, period, deviations, deviations);
        }

        public IndicatorSpec spec() {
            return IndicatorSpec.of(Indicator.BBANDS, period, deviations, deviations);
        }
    }

    /**
     * Volatility breakout: the last close moved at least {@code threshold} ATRs (the ATR of the bar
     * before) from the previous close, in the move's direction. Its ATR also sets the suggested stop.
     */
    public record AtrMove(double weight, int period, double threshold) {
        public AtrMove {
            requireWeight(weight, "atr");
            require(threshold > 0 && Double.isFinite(threshold), "atr threshold must be positive, was " + threshold);
            IndicatorSpec.of(Indicator.ATR, period);
        }

        public IndicatorSpec spec() {
            return IndicatorSpec.of(Indicator.ATR, period);
        }
    }

    private static void requireWeight(double weight, String rule) {
        require(weight >= 0 && weight <= 1, rule + " weight must be in [0, 1], was " + weight);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
