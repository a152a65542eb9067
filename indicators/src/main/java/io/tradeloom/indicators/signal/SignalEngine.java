package io.tradeloom.indicators.signal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.market.bar.BarSeries;

/**
 * Applies a {@link SignalRules} rule set to the last bar of a series: each rule's value in [-1, 1]
 * times its weight, summed, clipped to [-1, 1]; BUY at or above the buy threshold, SELL at or below
 * the sell threshold, HOLD between. A rule whose indicators are not defined yet (too few bars)
 * contributes nothing. Thread-safe.
 */
public final class SignalEngine {

    private final IndicatorEngine indicators;

    public SignalEngine(IndicatorEngine indicators) {
        this.indicators = indicators;
    }

    /** @throws IllegalArgumentException when {@code bars} is empty */
    public Signal evaluate(BarSeries bars, SignalRules rules) {
        if (bars.size() == 0) {
            throw new IllegalArgumentException("a signal needs at least one bar");
        }
        int last = bars.size() - 1;
        double close = bars.close()[last];
        double[] atr = values(bars, rules.atrMove().spec());
        List<Reason> reasons = new ArrayList<>();
        emaCross(bars, rules, last, reasons);
        adx(bars, rules.adx(), last, reasons);
        rsi(bars, rules.rsi(), last, reasons);
        macd(bars, rules, last, reasons);
        bollinger(bars, rules.bollinger(), last, close, reasons);
        atrMove(bars, rules.atrMove(), atr, last, close, reasons);

        double sum = reasons.stream().mapToDouble(Reason::contribution).sum();
        double score = round4(Math.max(-1, Math.min(1, sum)));
        Action action = score >= rules.buyThreshold() ? Action.BUY : score <= rules.sellThreshold() ? Action.SELL : Action.HOLD;
        OptionalDouble atrNow = Double.isNaN(atr[last]) ? OptionalDouble.empty() : OptionalDouble.of(atr[last]);
        OptionalDouble stop = OptionalDouble.empty();
        if (atrNow.isPresent() && action != Action.HOLD) {
            double distance = rules.stopAtrMultiple() * atrNow.getAsDouble();
            double price = action == Action.BUY ? close - distance : close + distance;
            stop = price > 0 ? OptionalDouble.of(price) : OptionalDouble.empty();
        }
        return new Signal(bars.time()[last], close, action, score, reasons, atrNow, stop);
    }

    private void emaCross(BarSeries bars, SignalRules rules, int last, List<Reason> reasons) {
        SignalRules.EmaCross r = rules.emaCross();
        if (r.weight() == 0) {
            return;
        }
        double[] fast = values(bars, r.fastSpec());
        double[] slow = values(bars, r.slowSpec());
        String f = "EMA(" + r.fast() + ")";
        String s = "EMA(" + r.slow() + ")";
        crossRule("ema_cross", r.weight(), difference(fast, slow), last, rules.crossLookback(),
                f + " crossed above " + s, f + " crossed below " + s,
                f + " " + fmt(fast[last], 2) + " above " + s + " " + fmt(slow[last], 2),
                f + " " + fmt(fast[last], 2) + " below " + s + " " + fmt(slow[last], 2), reasons);
    }

    private void macd(BarSeries bars, SignalRules rules, int last, List<Reason> reasons) {
        SignalRules.Macd r = rules.macd();
        if (r.weight() == 0) {
            return;
        }
        var result = indicators.compute(bars, r.spec());
        double[] line = result.output("macd");
        double[] signal = result.output("signal");
        double[] hist = result.output("hist");
        String name = "MACD(" + r.fast() + "," + r.slow() + "," + r.signal() + ")";
        String values = " (macd " + fmt(line[last], 4) + ", signal " + fmt(signal[last], 4) + ")";
        crossRule("macd", r.weight(), hist, last, rules.crossLookback(),
                name + " crossed above its signal line" + values, name + " crossed below its signal line" + values,
                name + " above its signal line" + values, name + " below its signal line" + values, reasons);
    }

    /**
     * A crossover rule on {@code diff} (fast minus slow): +-1 when it crossed to its current side
     * within the lookback, else +-0.5 for the side alone; nothing when undefined or zero.
     */
    private static void crossRule(String rule, double weight, double[] diff, int last, int lookback, String crossedUp,
                                  String crossedDown, String above, String below, List<Reason> reasons) {
        double now = diff[last];
        if (Double.isNaN(now) || now == 0) {
            return;
        }
        int side = now > 0 ? 1 : -1;
        // Walking back from the last bar while the difference stays on today's side, the first bar
        // before it that is on the other side (or level) is the latest cross.
        for (int i = last; i > last - lookback && i >= 1 && !Double.isNaN(diff[i - 1]); i--) {
            if (side > 0 ? diff[i - 1] <= 0 : diff[i - 1] >= 0) {
                reasons.add(reason(rule, weight * side, (side > 0 ? crossedUp : crossedDown) + " " + ago(last - i)));
                return;
            }
        }
        reasons.add(reason(rule, weight * side * 0.5, side > 0 ? above : below));
    }

    private void adx(BarSeries bars, SignalRules.Adx r, int last, List<Reason> reasons) {
        if (r.weight() == 0) {
            return;
        }
        double adx = values(bars, r.adxSpec())[last];
        double plus = values(bars, r.plusSpec())[last];
        double minus = values(bars, r.minusSpec())[last];
        if (Double.isNaN(adx) || adx < r.threshold() || Double.isNaN(plus) || Double.isNaN(minus) || plus == minus) {
            return;
        }
        boolean up = plus > minus;
        reasons.add(reason("adx", up ? r.weight() : -r.weight(), "ADX(" + r.period() + ") " + fmt(adx, 1) + " >= "
                + plain(r.threshold()) + " with +DI " + fmt(plus, 1) + (up ? " > " : " < ") + "-DI " + fmt(minus, 1)
                + ": strong " + (up ? "uptrend" : "downtrend")));
    }

    private void rsi(BarSeries bars, SignalRules.Rsi r, int last, List<Reason> reasons) {
        if (r.weight() == 0) {
            return;
        }
        double rsi = values(bars, r.spec())[last];
        if (Double.isNaN(rsi) || flat(bars.close(), last - r.period(), last)) {
            return; // TA-Lib's RSI is 0 when prices did not move at all, which is no sign of selling
        }
        String name = "RSI(" + r.period() + ") " + fmt(rsi, 1);
        if (rsi < r.oversold()) {
            reasons.add(reason("rsi", r.weight(), name + " < " + plain(r.oversold()) + ": oversold"));
        } else if (rsi > r.overbought()) {
            reasons.add(reason("rsi", -r.weight(), name + " > " + plain(r.overbought()) + ": overbought"));
        }
    }

    private void bollinger(BarSeries bars, SignalRules.Bollinger r, int last, double close, List<Reason> reasons) {
        if (r.weight() == 0) {
            return;
        }
        var bands = indicators.compute(bars, r.spec());
        double upper = bands.output("upper")[last];
        double lower = bands.output("lower")[last];
        String name = "BBANDS(" + r.period() + "," + plain(r.deviations()) + ")";
        if (close < lower) {
            reasons.add(reason("bbands", r.weight(), "close " + fmt(close, 2) + " below the lower " + name + " band "
                    + fmt(lower, 2) + ": stretched down"));
        } else if (close > upper) {
            reasons.add(reason("bbands", -r.weight(), "close " + fmt(close, 2) + " above the upper " + name + " band "
                    + fmt(upper, 2) + ": stretched up"));
        }
    }

    private static void atrMove(BarSeries bars, SignalRules.AtrMove r, double[] atr, int last, double close,
                                List<Reason> reasons) {
        if (r.weight() == 0 || last == 0 || Double.isNaN(atr[last - 1]) || atr[last - 1] <= 0) {
            return;
        }
        double move = (close - bars.close()[last - 1]) / atr[last - 1];
        if (Math.abs(move) >= r.threshold()) {
            reasons.add(reason("atr", move > 0 ? r.weight() : -r.weight(), "close " + (move > 0 ? "up " : "down ")
                    + fmt(Math.abs(move), 1) + " x ATR(" + r.period() + ") " + fmt(atr[last - 1], 4)
                    + " from the previous close: breakout"));
        }
    }

    private static boolean flat(double[] values, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (values[i] != values[to]) {
                return false;
            }
        }
        return true;
    }

    private double[] values(BarSeries bars, IndicatorSpec spec) {
        return indicators.compute(bars, spec).value();
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static Reason reason(String rule, double contribution, String detail) {
        return new Reason(rule, round4(contribution), detail);
    }

    private static String ago(int bars) {
        return bars == 0 ? "on the last bar" : bars == 1 ? "1 bar ago" : bars + " bars ago";
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A configured level as written: 30, not 30.0. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
