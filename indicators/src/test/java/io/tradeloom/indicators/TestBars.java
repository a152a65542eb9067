package io.tradeloom.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeloom.market.aggregate.BarAggregator;
import io.tradeloom.market.bar.Bar;
import io.tradeloom.market.bar.BarSeries;
import io.tradeloom.market.bar.Timeframe;
import io.tradeloom.market.clock.NyseCalendar;
import io.tradeloom.market.sim.SimUniverse;
import io.tradeloom.market.sim.SimulatedMarket;

/** Bar series for tests: the simulated market's, and hand-made edge cases. */
public final class TestBars {

    public static final NyseCalendar CALENDAR = new NyseCalendar();
    /** A Monday; the sessions that follow are regular ones. */
    public static final LocalDate FIRST_SESSION = LocalDate.of(2025, 3, 3);
    public static final Instant OPEN = CALENDAR.session(FIRST_SESSION).orElseThrow().open();

    private static final SimulatedMarket MARKET = new SimulatedMarket(42, SimUniverse.defaults(), CALENDAR, FIRST_SESSION);

    private TestBars() {
    }

    /** One-minute bars of {@code symbol} over {@code sessions} sessions of the simulated market (seed 42). */
    public static List<Bar> simulatedMinutes(String symbol, int sessions) {
        LocalDate last = FIRST_SESSION;
        for (int i = 1; i < sessions; i++) {
            last = CALENDAR.nextTradingDay(last);
        }
        return MARKET.bars(symbol, OPEN, CALENDAR.session(last).orElseThrow().close());
    }

    /**
     * The series every indicator is checked on: real-looking simulated bars (three sessions of minutes
     * of a calm and a volatile stock, their 5Min and 1Day roll-ups) and the edge cases.
     */
    public static Map<String, BarSeries> all() {
        Map<String, BarSeries> series = new LinkedHashMap<>();
        List<Bar> aapl = simulatedMinutes("AAPL", 3);
        series.put("sim AAPL 1Min", BarSeries.of(aapl));
        series.put("sim NVDA 1Min", BarSeries.of(simulatedMinutes("NVDA", 3)));
        series.put("sim AAPL 5Min", BarSeries.of(BarAggregator.aggregate(aapl, Timeframe.MIN_5, CALENDAR)));
        series.put("sim TSLA 1Day", BarSeries.of(BarAggregator.aggregate(simulatedMinutes("TSLA", 40), Timeframe.DAY_1, CALENDAR)));
        series.putAll(edgeCases());
        return series;
    }

    /** Hand-made series where formulas divide by zero or see jumps: gaps, flat bars, zero volume, tiny series. */
    public static Map<String, BarSeries> edgeCases() {
        Map<String, BarSeries> series = new LinkedHashMap<>();
        series.put("gaps", gaps());
        series.put("flat bars", flat(120, 1000));
        series.put("flat bars, zero volume", flat(120, 0));
        series.put("flat stretch then moves, zero volume stretch", flatThenMoves());
        series.put("single bar", minutes(new double[] {10}, new double[] {10.5}, new double[] {9.5}, new double[] {10.2},
                new double[] {500}));
        series.put("five bars", minutes(new double[] {10, 10.2, 10.1, 10.4, 10.3}, new double[] {10.3, 10.4, 10.3, 10.5, 10.6},
                new double[] {9.9, 10.0, 10.0, 10.1, 10.2}, new double[] {10.2, 10.1, 10.3, 10.3, 10.5},
                new double[] {100, 0, 300, 200, 0}));
        series.put("no bars", minutes(new double[0], new double[0], new double[0], new double[0], new double[0]));
        return series;
    }

    /** A zig-zag whose every seventh bar opens 8 % away from the previous close, alternately up and down. */
    static BarSeries gaps() {
        int n = 150;
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 50;
        for (int i = 0; i < n; i++) {
            double open = i % 7 == 0 && i > 0 ? price * (i % 14 == 0 ? 1.08 : 0.92) : price;
            double close = open * (1 + 0.004 * Math.sin(i * 0.9));
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) + 0.05 * (i % 3);
            l[i] = Math.min(open, close) - 0.04 * (i % 4);
            v[i] = 1000 + 37 * (i % 11);
            price = close;
        }
        return minutes(o, h, l, c, v);
    }

    static BarSeries flat(int n, double volume) {
        double[] p = new double[n];
        double[] v = new double[n];
        Arrays.fill(p, 100);
        Arrays.fill(v, volume);
        return minutes(p, p.clone(), p.clone(), p.clone(), v);
    }

    /** 40 flat bars with volume, 30 moving bars, 20 flat bars without volume, 30 moving bars. */
    static BarSeries flatThenMoves() {
        int n = 120;
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 20;
        for (int i = 0; i < n; i++) {
            boolean flat = i < 40 || i >= 70 && i < 90;
            double close = flat ? price : price + 0.1 * Math.cos(i * 1.3) + 0.02;
            o[i] = price;
            c[i] = close;
            h[i] = flat ? price : Math.max(price, close) + 0.03;
            l[i] = flat ? price : Math.min(price, close) - 0.03;
            v[i] = i >= 70 && i < 90 ? 0 : 700;
            price = close;
        }
        return minutes(o, h, l, c, v);
    }

    /** Bars one minute apart from the first session's open. */
    public static BarSeries minutes(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        Instant[] time = new Instant[open.length];
        for (int i = 0; i < time.length; i++) {
            time[i] = OPEN.plus(Duration.ofMinutes(i));
        }
        return new BarSeries(time, open, high, low, close, volume);
    }

    /** Bars one minute apart whose closes are {@code closes}: open at the previous close, a range of 0.2 % around. */
    public static BarSeries fromCloses(double[] closes) {
        int n = closes.length;
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            o[i] = i == 0 ? closes[0] : closes[i - 1];
            h[i] = Math.max(o[i], closes[i]) * 1.001;
            l[i] = Math.min(o[i], closes[i]) * 0.999;
            v[i] = 1000;
        }
        return minutes(o, h, l, closes.clone(), v);
    }

    /** The first {@code n} bars of {@code s}. */
    public static BarSeries head(BarSeries s, int n) {
        return new BarSeries(Arrays.copyOf(s.time(), n), Arrays.copyOf(s.open(), n), Arrays.copyOf(s.high(), n),
                Arrays.copyOf(s.low(), n), Arrays.copyOf(s.close(), n), Arrays.copyOf(s.volume(), n));
    }
}
