package io.tradeloom.indicators;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.clock.NyseCalendar;

/**
 * The indicators the engine computes: TA-Lib's functions under TA-Lib's names, with TA-Lib's
 * parameters (order, defaults, ranges) and warm-up, plus session-anchored {@link #VWAP}, which
 * TA-Lib does not have. Output names are the CONTRACTS ones ({@code value} for single outputs).
 */
public enum Indicator {
    SMA(List.of(Param.period("timeperiod", 30, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.sma(0, e, b.close(), i(p[0]), beg, n, o[0])),
    EMA(List.of(Param.period("timeperiod", 30, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.ema(0, e, b.close(), i(p[0]), beg, n, o[0])),
    WMA(List.of(Param.period("timeperiod", 30, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.wma(0, e, b.close(), i(p[0]), beg, n, o[0])),
    DEMA(List.of(Param.period("timeperiod", 30, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.dema(0, e, b.close(), i(p[0]), beg, n, o[0])),
    TEMA(List.of(Param.period("timeperiod", 30, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.tema(0, e, b.close(), i(p[0]), beg, n, o[0])),
    KAMA(List.of(Param.period("timeperiod", 30, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.kama(0, e, b.close(), i(p[0]), beg, n, o[0])),
    RSI(List.of(Param.period("timeperiod", 14, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.rsi(0, e, b.close(), i(p[0]), beg, n, o[0])),
    MACD(List.of(Param.period("fastperiod", 12, 2), Param.period("slowperiod", 26, 2),
            Param.period("signalperiod", 9, 1)), List.of("macd", "signal", "hist"),
            (c, b, e, p, beg, n, o) -> c.macd(0, e, b.close(), i(p[0]), i(p[1]), i(p[2]), beg, n, o[0], o[1], o[2])),
    BBANDS(List.of(Param.period("timeperiod", 5, 2), Param.real("nbdevup", 2, -Param.REAL_MAX),
            Param.real("nbdevdn", 2, -Param.REAL_MAX), Param.maType("matype")), List.of("upper", "middle", "lower"),
            (c, b, e, p, beg, n, o) -> c.bbands(0, e, b.close(), i(p[0]), p[1], p[2], ma(p[3]), beg, n, o[0], o[1], o[2])),
    ATR(List.of(Param.period("timeperiod", 14, 1)), single(),
            (c, b, e, p, beg, n, o) -> c.atr(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    NATR(List.of(Param.period("timeperiod", 14, 1)), single(),
            (c, b, e, p, beg, n, o) -> c.natr(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    TRANGE(List.of(), single(),
            (c, b, e, p, beg, n, o) -> c.trueRange(0, e, b.high(), b.low(), b.close(), beg, n, o[0])),
    STOCH(List.of(Param.period("fastk_period", 5, 1), Param.period("slowk_period", 3, 1),
            Param.maType("slowk_matype"), Param.period("slowd_period", 3, 1), Param.maType("slowd_matype")),
            List.of("k", "d"),
            (c, b, e, p, beg, n, o) -> c.stoch(0, e, b.high(), b.low(), b.close(), i(p[0]), i(p[1]), ma(p[2]), i(p[3]),
                    ma(p[4]), beg, n, o[0], o[1])),
    ADX(List.of(Param.period("timeperiod", 14, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.adx(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    PLUS_DI(List.of(Param.period("timeperiod", 14, 1)), single(),
            (c, b, e, p, beg, n, o) -> c.plusDI(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    MINUS_DI(List.of(Param.period("timeperiod", 14, 1)), single(),
            (c, b, e, p, beg, n, o) -> c.minusDI(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    AROON(List.of(Param.period("timeperiod", 14, 2)), List.of("down", "up"),
            (c, b, e, p, beg, n, o) -> c.aroon(0, e, b.high(), b.low(), i(p[0]), beg, n, o[0], o[1])),
    CCI(List.of(Param.period("timeperiod", 14, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.cci(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    WILLR(List.of(Param.period("timeperiod", 14, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.willR(0, e, b.high(), b.low(), b.close(), i(p[0]), beg, n, o[0])),
    MFI(List.of(Param.period("timeperiod", 14, 2)), single(),
            (c, b, e, p, beg, n, o) -> c.mfi(0, e, b.high(), b.low(), b.close(), b.volume(), i(p[0]), beg, n, o[0])),
    MOM(List.of(Param.period("timeperiod", 10, 1)), single(),
            (c, b, e, p, beg, n, o) -> c.mom(0, e, b.close(), i(p[0]), beg, n, o[0])),
    ROC(List.of(Param.period("timeperiod", 10, 1)), single(),
            (c, b, e, p, beg, n, o) -> c.roc(0, e, b.close(), i(p[0]), beg, n, o[0])),
    OBV(List.of(), single(),
            (c, b, e, p, beg, n, o) -> c.obv(0, e, b.close(), b.volume(), beg, n, o[0])),
    SAR(List.of(Param.real("acceleration", 0.02, 0), Param.real("maximum", 0.2, 0)), single(),
            (c, b, e, p, beg, n, o) -> c.sar(0, e, b.high(), b.low(), p[0], p[1], beg, n, o[0])),
    STDDEV(List.of(Param.period("timeperiod", 5, 2), Param.real("nbdev", 1, -Param.REAL_MAX)), single(),
            (c, b, e, p, beg, n, o) -> c.stdDev(0, e, b.close(), i(p[0]), p[1], beg, n, o[0])),
    /** Session-anchored VWAP (not TA-Lib): see {@link Vwap}. */
    VWAP(List.of(), single(), (core, calendar, bars, p, out) -> Vwap.compute(bars, calendar, out[0]));

    private static final Map<String, Indicator> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final List<Param> params;
    private final List<String> outputs;
    private final Computation computation;

    Indicator(List<Param> params, List<String> outputs, TaCall call) {
        this(params, outputs, talib(call));
    }

    Indicator(List<Param> params, List<String> outputs, Computation computation) {
        this.params = params;
        this.outputs = outputs;
        this.computation = computation;
    }

    /** The parameters in TA-Lib's order. */
    public List<Param> params() {
        return params;
    }

    /** The output names, in TA-Lib's order of outputs. */
    public List<String> outputs() {
        return outputs;
    }

    /** The indicator named {@code name}, case-insensitively. */
    public static Optional<Indicator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
    }

    /**
     * Fills {@code out}, one array per output, each as long as {@code bars}, with the values, NaN where the
     * indicator is not defined; every element is written, so the arrays may hold an earlier call's values.
     */
    void compute(Core core, NyseCalendar calendar, BarSeries bars, double[] params, double[][] out) {
        computation.compute(core, calendar, bars, params, out);
    }

    @FunctionalInterface
    interface Computation {
        void compute(Core core, NyseCalendar calendar, BarSeries bars, double[] params, double[][] out);
    }

    /** One TA-Lib call over bars [0, end], writing {@code count} values from bar {@code begin} on into {@code out}. */
    @FunctionalInterface
    interface TaCall {
        RetCode call(Core core, BarSeries bars, int end, double[] params, MInteger begin, MInteger count, double[][] out);
    }

    /**
     * Runs a TA-Lib function over every bar and aligns its outputs to the bars in place: TA-Lib writes
     * its first value (the one for bar outBegIdx) at index 0 (its Java API takes no output offset);
     * here it is moved to index outBegIdx, and the warm-up before it is NaN.
     */
    private static Computation talib(TaCall call) {
        return (core, calendar, bars, params, out) -> {
            int n = bars.size();
            if (n == 0) {
                return;
            }
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            RetCode code = call.call(core, bars, n - 1, params, begin, count, out);
            if (code != RetCode.Success) {
                // Parameters are checked against TA-Lib's ranges before any call, so this is a bug, not bad input.
                throw new IllegalStateException("TA-Lib refused the call: " + code);
            }
            for (double[] o : out) {
                System.arraycopy(o, 0, o, begin.value, count.value);
                Arrays.fill(o, 0, begin.value, Double.NaN);
                Arrays.fill(o, begin.value + count.value, n, Double.NaN);
            }
        };
    }

    private static List<String> single() {
        return List.of("value");
    }

    private static int i(double param) {
        return (int) param;
    }

    private static MAType ma(double param) {
        return MAType.values()[(int) param];
    }
}
