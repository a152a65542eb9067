package io.tradeloom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.averages.DoubleEMAIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.TripleEMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;

import io.tradeloom.indicators.IndicatorBuffers;
import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.indicators.IndicatorResult;
import io.tradeloom.indicators.IndicatorSpec;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;

/**
 * The Technical Analysis indicator set (23 TA-Lib functions at TA-Lib's default parameters) over 1k, 100k and 1M
 * one-minute bars of the simulated market, three ways (goal: the engine within 1.2x of raw TA-Lib, at least 10x
 * faster than ta4j):
 * <ul>
 *   <li>{@code engine}: {@link IndicatorEngine#compute(BarSeries, List)} over the 23 parsed specs, as the service
 *       calls it (outputs aligned to the bars, NaN warm-up, results in maps).</li>
 *   <li>{@code engineIntoBuffers}: the same into {@link IndicatorBuffers} kept from call to call, as a backtest
 *       recomputing over one long series can: no output arrays allocated, like {@code rawTaLib}.</li>
 *   <li>{@code rawTaLib}: the same 23 {@link Core} calls with literal parameters, outputs into arrays allocated
 *       once in the setup: the floor.</li>
 *   <li>{@code engineTa4jSet}, {@code rawTaLibTa4jSet}: the 21 of them ta4j has (ta4j 0.18 has no NATR and no
 *       MOM), so the ta4j ratio compares equal work.</li>
 *   <li>{@code ta4j}: ta4j 0.18 indicators for those 21 (same periods; MACD with its EMA(9) signal and histogram;
 *       slow STOCH as SMA(3) of SMA(3) of %K(5), as TA-Lib's STOCH(5,3,0,3,0)), on a {@code DoubleNum} series
 *       (ta4j's fastest number type) built once in the setup; the indicators are built in each invocation (their
 *       caches would otherwise answer later invocations) and every output is read at every index, oldest first.</li>
 * </ul>
 * Run: {@code java -jar bench/target/benchmarks.jar IndicatorBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndicatorBenchmark {

    /** The 23 of the issue, each at TA-Lib's defaults. */
    public static final List<String> ALL = List.of("SMA", "EMA", "WMA", "DEMA", "TEMA", "KAMA", "RSI", "MACD", "BBANDS",
            "ATR", "NATR", "TRANGE", "STOCH", "ADX", "AROON", "CCI", "WILLR", "MFI", "MOM", "ROC", "OBV", "SAR", "STDDEV");
    /** What ta4j 0.18 lacks. */
    public static final List<String> NOT_IN_TA4J = List.of("NATR", "MOM");
    public static final List<String> TA4J_SET = ALL.stream().filter(s -> !NOT_IN_TA4J.contains(s)).toList();

    @State(Scope.Benchmark)
    public static class Data {

        @Param({"1000", "100000", "1000000"})
        public int bars;

        final IndicatorEngine engine = new IndicatorEngine();
        /** For {@code engineIntoBuffers}; one benchmark thread, as the runs use (JMH's default). */
        final IndicatorBuffers buffers = new IndicatorBuffers();
        final Core core = new Core();
        final MInteger begin = new MInteger();
        final MInteger count = new MInteger();
        List<IndicatorSpec> all;
        List<IndicatorSpec> ta4jSet;
        BarSeries series;
        org.ta4j.core.BarSeries ta4jSeries;
        /** Output buffers for the raw calls: 29 outputs in all (MACD and BBANDS have 3, STOCH and AROON 2). */
        double[][] out;

        @Setup(Level.Trial)
        public void setUp() {
            all = ALL.stream().map(IndicatorSpec::parse).toList();
            ta4jSet = TA4J_SET.stream().map(IndicatorSpec::parse).toList();
            List<Bar> minutes = TaBars.minutes(bars);
            series = BarSeries.of(minutes);
            out = new double[29][bars];
            ta4jSeries = new BaseBarSeriesBuilder().withName("SIM").withNumFactory(DoubleNumFactory.getInstance())
                    .build();
            for (Bar b : minutes) {
                ta4jSeries.barBuilder().timePeriod(Duration.ofMinutes(1)).endTime(b.time().plusSeconds(60))
                        .openPrice(b.open().doubleValue()).highPrice(b.high().doubleValue())
                        .lowPrice(b.low().doubleValue()).closePrice(b.close().doubleValue()).volume(b.volume())
                        .add();
            }
        }
    }

    @Benchmark
    public Map<String, IndicatorResult> engine(Data d) {
        return d.engine.compute(d.series, d.all);
    }

    @Benchmark
    public Map<String, IndicatorResult> engineIntoBuffers(Data d) {
        return d.engine.compute(d.series, d.all, d.buffers);
    }

    @Benchmark
    public Map<String, IndicatorResult> engineTa4jSet(Data d) {
        return d.engine.compute(d.series, d.ta4jSet);
    }

    @Benchmark
    public double[][] rawTaLib(Data d) {
        raw(d, true);
        return d.out;
    }

    @Benchmark
    public double[][] rawTaLibTa4jSet(Data d) {
        raw(d, false);
        return d.out;
    }

    /** TA-Lib's own defaults, written out as in {@code TaLibDifferentialTest}. */
    static void raw(Data d, boolean all) {
        Core c = d.core;
        BarSeries s = d.series;
        int e = s.size() - 1;
        double[] h = s.high();
        double[] l = s.low();
        double[] cl = s.close();
        double[] v = s.volume();
        MInteger b = d.begin;
        MInteger n = d.count;
        double[][] o = d.out;
        c.sma(0, e, cl, 30, b, n, o[0]);
        c.ema(0, e, cl, 30, b, n, o[1]);
        c.wma(0, e, cl, 30, b, n, o[2]);
        c.dema(0, e, cl, 30, b, n, o[3]);
        c.tema(0, e, cl, 30, b, n, o[4]);
        c.kama(0, e, cl, 30, b, n, o[5]);
        c.rsi(0, e, cl, 14, b, n, o[6]);
        c.macd(0, e, cl, 12, 26, 9, b, n, o[7], o[8], o[9]);
        c.bbands(0, e, cl, 5, 2, 2, MAType.Sma, b, n, o[10], o[11], o[12]);
        c.atr(0, e, h, l, cl, 14, b, n, o[13]);
        if (all) {
            c.natr(0, e, h, l, cl, 14, b, n, o[14]);
        }
        c.trueRange(0, e, h, l, cl, b, n, o[15]);
        c.stoch(0, e, h, l, cl, 5, 3, MAType.Sma, 3, MAType.Sma, b, n, o[16], o[17]);
        c.adx(0, e, h, l, cl, 14, b, n, o[18]);
        c.aroon(0, e, h, l, 14, b, n, o[19], o[20]);
        c.cci(0, e, h, l, cl, 14, b, n, o[21]);
        c.willR(0, e, h, l, cl, 14, b, n, o[22]);
        c.mfi(0, e, h, l, cl, v, 14, b, n, o[23]);
        if (all) {
            c.mom(0, e, cl, 10, b, n, o[24]);
        }
        c.roc(0, e, cl, 10, b, n, o[25]);
        c.obv(0, e, cl, v, b, n, o[26]);
        c.sar(0, e, h, l, 0.02, 0.2, b, n, o[27]);
        c.stdDev(0, e, cl, 5, 1, b, n, o[28]);
    }

    @Benchmark
    public void ta4j(Data d, Blackhole bh) {
        org.ta4j.core.BarSeries s = d.ta4jSeries;
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        List<Indicator<Num>> outputs = new ArrayList<>(26);
        outputs.add(new SMAIndicator(close, 30));
        outputs.add(new EMAIndicator(close, 30));
        outputs.add(new WMAIndicator(close, 30));
        outputs.add(new DoubleEMAIndicator(close, 30));
        outputs.add(new TripleEMAIndicator(close, 30));
        outputs.add(new KAMAIndicator(close, 30, 2, 30));
        outputs.add(new RSIIndicator(close, 14));
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        outputs.add(macd);
        outputs.add(macd.getSignalLine(9));
        outputs.add(macd.getHistogram(9));
        StandardDeviationIndicator sd5 = new StandardDeviationIndicator(close, 5);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 5));
        outputs.add(middle);
        outputs.add(new BollingerBandsUpperIndicator(middle, sd5, s.numFactory().numOf(2)));
        outputs.add(new BollingerBandsLowerIndicator(middle, sd5, s.numFactory().numOf(2)));
        outputs.add(new ATRIndicator(s, 14));
        outputs.add(new TRIndicator(s));
        SMAIndicator slowK = new SMAIndicator(new StochasticOscillatorKIndicator(s, 5), 3);
        outputs.add(slowK);
        outputs.add(new SMAIndicator(slowK, 3));
        outputs.add(new ADXIndicator(s, 14));
        outputs.add(new AroonDownIndicator(s, 14));
        outputs.add(new AroonUpIndicator(s, 14));
        outputs.add(new CCIIndicator(s, 14));
        outputs.add(new WilliamsRIndicator(s, 14));
        outputs.add(new MoneyFlowIndexIndicator(s, 14));
        outputs.add(new ROCIndicator(close, 10));
        outputs.add(new OnBalanceVolumeIndicator(s));
        outputs.add(new ParabolicSarIndicator(s));
        outputs.add(sd5);
        int end = s.getEndIndex();
        for (Indicator<Num> ind : outputs) {
            for (int i = s.getBeginIndex(); i <= end; i++) {
                bh.consume(ind.getValue(i));
            }
        }
    }
}
