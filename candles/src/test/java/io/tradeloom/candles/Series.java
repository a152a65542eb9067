package io.tradeloom.candles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimSession;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/** Bar series for the tests: hand-made candles, the simulated market, and random candles on a coarse price grid. */
final class Series {

    static final Instant START = Instant.parse("2026-01-05T14:30:00Z");

    private Series() {
    }

    /** Candles given as {open, high, low, close}, a minute apart, 1000 shares each. */
    static BarSeries of(double[]... ohlc) {
        int n = ohlc.length;
        Instant[] time = new Instant[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = START.plus(Duration.ofMinutes(i));
            open[i] = ohlc[i][0];
            high[i] = ohlc[i][1];
            low[i] = ohlc[i][2];
            close[i] = ohlc[i][3];
            volume[i] = 1000;
        }
        return new BarSeries(time, open, high, low, close, volume);
    }

    static double[] candle(double open, double high, double low, double close) {
        return new double[] {open, high, low, close};
    }

    /** {@code first} followed by {@code then}. */
    static double[][] concat(double[][] first, double[]... then) {
        double[][] all = new double[first.length + then.length][];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }

    /**
     * {@code count} ordinary candles drifting down by 0.5 a bar from {@code from}: bodies of 1, shadows of 0.25,
     * alternating colour. They give TA-Lib's candle averages (over the last 5 to 10 candles) something to compare
     * with and a downtrend for reversal patterns.
     */
    static double[][] downtrend(int count, double from) {
        double[][] candles = new double[count][];
        for (int i = 0; i < count; i++) {
            double mid = from - 0.5 * i;
            double open = i % 2 == 0 ? mid + 0.5 : mid - 0.5;
            double close = i % 2 == 0 ? mid - 0.5 : mid + 0.5;
            candles[i] = candle(open, mid + 0.75, mid - 0.75, close);
        }
        return candles;
    }

    /** One series per symbol of the simulated market's 1-minute bars over {@code sessions} sessions, and its roll-up to {@code timeframe}. */
    static Map<String, BarSeries> simulated(int sessions, Timeframe timeframe) {
        NyseCalendar calendar = new NyseCalendar();
        SimulatedMarket market = new SimulatedMarket(42, SimUniverse.defaults(), calendar, LocalDate.parse("2026-01-05"));
        Map<String, List<Bar>> minutes = new HashMap<>();
        LocalDate day = market.firstSession();
        for (int s = 0; s < sessions; s++, day = calendar.nextTradingDay(day)) {
            SimSession session = market.session(day);
            for (String symbol : market.symbols()) {
                minutes.computeIfAbsent(symbol, k -> new ArrayList<>()).addAll(session.bars(symbol));
            }
        }
        Map<String, BarSeries> series = new LinkedHashMap<>();
        for (String symbol : market.symbols()) {
            List<Bar> bars = minutes.get(symbol);
            series.put(symbol, BarSeries.of(timeframe == Timeframe.MIN_1 ? bars
                    : BarAggregator.aggregate(bars, timeframe, calendar)));
        }
        return series;
    }

    /**
     * Random candles on a coarse grid (whole dollars, from 1000): trending runs, bodies of 0 to 4, shadows of 0 to 2
     * (often none) and gaps at every other bar. On so coarse a grid equal opens, closes and lows, flat bars, dojis,
     * marubozus and gaps are common, so even TA-Lib's rarer patterns fire.
     */
    static BarSeries coarseGrid(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] candles = new double[n][];
        int close = 1000;
        int trend = 1;
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) < 3) {
                trend = -trend;
            }
            int gap = random.nextBoolean() ? 0 : mostlyWith(trend, random) * (1 + random.nextInt(5));
            int open = close + gap;
            close = open + mostlyWith(trend, random) * random.nextInt(5);
            int upper = random.nextInt(10) < 4 ? 0 : random.nextInt(3);
            int lower = random.nextInt(10) < 4 ? 0 : random.nextInt(3);
            candles[i] = candle(open, Math.max(open, close) + upper, Math.min(open, close) - lower, close);
        }
        return of(candles);
    }

    /** {@code trend} seven times in ten, else against it. */
    private static int mostlyWith(int trend, SplittableRandom random) {
        return random.nextInt(10) < 7 ? trend : -trend;
    }
}
