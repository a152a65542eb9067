package io.tradeloom.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import org.junit.jupiter.api.Test;

import io.tradeloom.market.bar.BarSeries;

/**
 * The engine against raw TA-Lib calls written out here with literal parameters, on the simulated market
 * and the edge cases: every value within a relative error of 1e-9 and undefined (null) at exactly the
 * bars where TA-Lib has no output. The reference side knows nothing of the engine's specs, defaults or
 * alignment, so a wrong default, a swapped input column or an off-by-one placement shows up here.
 */
class TaLibDifferentialTest {

    private static final double MAX_RELATIVE_ERROR = 1e-9;

    /** A direct TA-Lib call over bars [0, end]. */
    @FunctionalInterface
    interface Reference {
        RetCode call(Core core, BarSeries s, int end, MInteger begin, MInteger count, double[][] out);
    }

    record Case(String spec, int outputs, Reference reference) {
    }

    private static Case c(String spec, int outputs, Reference reference) {
        return new Case(spec, outputs, reference);
    }

    /** Each indicator with TA-Lib's defaults (bare name) and with parameters of its own. */
    private static final List<Case> CASES = List.of(
            c("SMA", 1, (k, s, e, b, n, o) -> k.sma(0, e, s.close(), 30, b, n, o[0])),
            c("sma(5)", 1, (k, s, e, b, n, o) -> k.sma(0, e, s.close(), 5, b, n, o[0])),
            c("EMA", 1, (k, s, e, b, n, o) -> k.ema(0, e, s.close(), 30, b, n, o[0])),
            c("EMA(9)", 1, (k, s, e, b, n, o) -> k.ema(0, e, s.close(), 9, b, n, o[0])),
            c("WMA(10)", 1, (k, s, e, b, n, o) -> k.wma(0, e, s.close(), 10, b, n, o[0])),
            c("WMA", 1, (k, s, e, b, n, o) -> k.wma(0, e, s.close(), 30, b, n, o[0])),
            c("DEMA(10)", 1, (k, s, e, b, n, o) -> k.dema(0, e, s.close(), 10, b, n, o[0])),
            c("DEMA", 1, (k, s, e, b, n, o) -> k.dema(0, e, s.close(), 30, b, n, o[0])),
            c("TEMA(7)", 1, (k, s, e, b, n, o) -> k.tema(0, e, s.close(), 7, b, n, o[0])),
            c("TEMA", 1, (k, s, e, b, n, o) -> k.tema(0, e, s.close(), 30, b, n, o[0])),
            c("KAMA(10)", 1, (k, s, e, b, n, o) -> k.kama(0, e, s.close(), 10, b, n, o[0])),
            c("KAMA", 1, (k, s, e, b, n, o) -> k.kama(0, e, s.close(), 30, b, n, o[0])),
            c("RSI", 1, (k, s, e, b, n, o) -> k.rsi(0, e, s.close(), 14, b, n, o[0])),
            c("RSI(2)", 1, (k, s, e, b, n, o) -> k.rsi(0, e, s.close(), 2, b, n, o[0])),
            c("MACD", 3, (k, s, e, b, n, o) -> k.macd(0, e, s.close(), 12, 26, 9, b, n, o[0], o[1], o[2])),
            c("MACD(5,35,5)", 3, (k, s, e, b, n, o) -> k.macd(0, e, s.close(), 5, 35, 5, b, n, o[0], o[1], o[2])),
            c("BBANDS", 3, (k, s, e, b, n, o) -> k.bbands(0, e, s.close(), 5, 2, 2, MAType.Sma, b, n, o[0], o[1], o[2])),
            c("BBANDS(20, 2.5, 1.5, 1)", 3,
                    (k, s, e, b, n, o) -> k.bbands(0, e, s.close(), 20, 2.5, 1.5, MAType.Ema, b, n, o[0], o[1], o[2])),
            c("ATR", 1, (k, s, e, b, n, o) -> k.atr(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("ATR(1)", 1, (k, s, e, b, n, o) -> k.atr(0, e, s.high(), s.low(), s.close(), 1, b, n, o[0])),
            c("NATR", 1, (k, s, e, b, n, o) -> k.natr(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("NATR(5)", 1, (k, s, e, b, n, o) -> k.natr(0, e, s.high(), s.low(), s.close(), 5, b, n, o[0])),
            c("TRANGE", 1, (k, s, e, b, n, o) -> k.trueRange(0, e, s.high(), s.low(), s.close(), b, n, o[0])),
            c("STOCH", 2, (k, s, e, b, n, o) -> k.stoch(0, e, s.high(), s.low(), s.close(), 5, 3, MAType.Sma, 3, MAType.Sma,
                    b, n, o[0], o[1])),
            c("STOCH(14,3,1,3,2)", 2, (k, s, e, b, n, o) -> k.stoch(0, e, s.high(), s.low(), s.close(), 14, 3, MAType.Ema, 3,
                    MAType.Wma, b, n, o[0], o[1])),
            c("ADX", 1, (k, s, e, b, n, o) -> k.adx(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("ADX(5)", 1, (k, s, e, b, n, o) -> k.adx(0, e, s.high(), s.low(), s.close(), 5, b, n, o[0])),
            c("PLUS_DI", 1, (k, s, e, b, n, o) -> k.plusDI(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("plus_di(1)", 1, (k, s, e, b, n, o) -> k.plusDI(0, e, s.high(), s.low(), s.close(), 1, b, n, o[0])),
            c("MINUS_DI", 1, (k, s, e, b, n, o) -> k.minusDI(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("MINUS_DI(7)", 1, (k, s, e, b, n, o) -> k.minusDI(0, e, s.high(), s.low(), s.close(), 7, b, n, o[0])),
            c("AROON", 2, (k, s, e, b, n, o) -> k.aroon(0, e, s.high(), s.low(), 14, b, n, o[0], o[1])),
            c("AROON(25)", 2, (k, s, e, b, n, o) -> k.aroon(0, e, s.high(), s.low(), 25, b, n, o[0], o[1])),
            c("CCI", 1, (k, s, e, b, n, o) -> k.cci(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("CCI(20)", 1, (k, s, e, b, n, o) -> k.cci(0, e, s.high(), s.low(), s.close(), 20, b, n, o[0])),
            c("WILLR", 1, (k, s, e, b, n, o) -> k.willR(0, e, s.high(), s.low(), s.close(), 14, b, n, o[0])),
            c("WILLR(3)", 1, (k, s, e, b, n, o) -> k.willR(0, e, s.high(), s.low(), s.close(), 3, b, n, o[0])),
            c("MFI", 1, (k, s, e, b, n, o) -> k.mfi(0, e, s.high(), s.low(), s.close(), s.volume(), 14, b, n, o[0])),
            c("MFI(5)", 1, (k, s, e, b, n, o) -> k.mfi(0, e, s.high(), s.low(), s.close(), s.volume(), 5, b, n, o[0])),
            c("MOM", 1, (k, s, e, b, n, o) -> k.mom(0, e, s.close(), 10, b, n, o[0])),
            c("MOM(1)", 1, (k, s, e, b, n, o) -> k.mom(0, e, s.close(), 1, b, n, o[0])),
            c("ROC", 1, (k, s, e, b, n, o) -> k.roc(0, e, s.close(), 10, b, n, o[0])),
            c("ROC(3)", 1, (k, s, e, b, n, o) -> k.roc(0, e, s.close(), 3, b, n, o[0])),
            c("OBV", 1, (k, s, e, b, n, o) -> k.obv(0, e, s.close(), s.volume(), b, n, o[0])),
            c("SAR", 1, (k, s, e, b, n, o) -> k.sar(0, e, s.high(), s.low(), 0.02, 0.2, b, n, o[0])),
            c("SAR(0.01,0.1)", 1, (k, s, e, b, n, o) -> k.sar(0, e, s.high(), s.low(), 0.01, 0.1, b, n, o[0])),
            c("STDDEV", 1, (k, s, e, b, n, o) -> k.stdDev(0, e, s.close(), 5, 1, b, n, o[0])),
            c("STDDEV(20,2)", 1, (k, s, e, b, n, o) -> k.stdDev(0, e, s.close(), 20, 2, b, n, o[0])));

    private final IndicatorEngine engine = new IndicatorEngine();

    @Test
    void everyIndicatorAgreesWithTaLibOnSimulatedAndEdgeCaseBars() {
        Map<String, BarSeries> all = TestBars.all();
        Core core = new Core();
        for (Case c : CASES) {
            IndicatorSpec spec = IndicatorSpec.parse(c.spec());
            for (Map.Entry<String, BarSeries> series : all.entrySet()) {
                BarSeries bars = series.getValue();
                double[][] expected = reference(core, bars, c);
                List<double[]> actual = List.copyOf(engine.compute(bars, spec).outputs().values());
                assertThat(actual).as(c.spec() + " on " + series.getKey()).hasSize(c.outputs());
                for (int k = 0; k < c.outputs(); k++) {
                    assertAgrees(c.spec() + " output " + k + " on " + series.getKey(), actual.get(k), expected[k]);
                }
            }
        }
    }

    /** Buffers hold the previous call's values: every element must be written again, warm-up and all. */
    @Test
    void computingIntoReusedBuffersFullOfOldValuesAgreesWithTaLibToo() {
        Core core = new Core();
        for (Case c : CASES) {
            IndicatorSpec spec = IndicatorSpec.parse(c.spec());
            IndicatorBuffers buffers = new IndicatorBuffers();
            for (Map.Entry<String, BarSeries> series : TestBars.all().entrySet()) {
                BarSeries bars = series.getValue();
                for (double[] stale : buffers.outputs(spec, bars.size())) {
                    Arrays.fill(stale, 12345.0);
                }
                double[][] expected = reference(core, bars, c);
                List<double[]> actual = List.copyOf(engine.compute(bars, spec, buffers).outputs().values());
                for (int k = 0; k < c.outputs(); k++) {
                    assertAgrees(c.spec() + " output " + k + " into buffers on " + series.getKey(), actual.get(k), expected[k]);
                }
            }
        }
    }

    @Test
    void theCasesCoverEveryTaLibIndicatorOfTheCatalogue() {
        Set<Indicator> covered = CASES.stream().map(c -> IndicatorSpec.parse(c.spec()).indicator())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Indicator.class)));

        assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.of(Indicator.VWAP)));
    }

    @Test
    void theSimulatedSeriesAreLongAndTheEdgeCasesAreTheDegenerateOnes() {
        Map<String, BarSeries> all = TestBars.all();

        assertThat(all.get("sim AAPL 1Min").size()).isEqualTo(3 * 390);
        assertThat(all.get("sim TSLA 1Day").size()).isEqualTo(40);
        assertThat(all.get("single bar").size()).isEqualTo(1);
        assertThat(all.get("no bars").size()).isZero();
        BarSeries flat = all.get("flat bars, zero volume");
        assertThat(flat.high()).isEqualTo(flat.low());
        assertThat(flat.volume()).containsOnly(0.0);
    }

    /** TA-Lib's output placed at its bars: value j of the output belongs to bar outBegIdx + j. */
    private static double[][] reference(Core core, BarSeries bars, Case c) {
        int n = bars.size();
        double[][] aligned = new double[c.outputs()][n];
        for (double[] a : aligned) {
            Arrays.fill(a, Double.NaN);
        }
        if (n == 0) {
            return aligned;
        }
        double[][] out = new double[c.outputs()][n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        assertThat(c.reference().call(core, bars, n - 1, begin, count, out)).isEqualTo(RetCode.Success);
        for (int k = 0; k < c.outputs(); k++) {
            for (int j = 0; j < count.value; j++) {
                aligned[k][begin.value + j] = out[k][j];
            }
        }
        return aligned;
    }

    static void assertAgrees(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what + ": length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as(what + " at bar " + i + " must be undefined").isNaN();
            } else {
                double scale = Math.max(Math.abs(actual[i]), Math.abs(expected[i]));
                double error = scale == 0 ? 0 : Math.abs(actual[i] - expected[i]) / scale;
                assertThat(error).as(what + " at bar " + i + ": " + actual[i] + " vs TA-Lib " + expected[i])
                        .isLessThan(MAX_RELATIVE_ERROR);
            }
        }
    }
}
