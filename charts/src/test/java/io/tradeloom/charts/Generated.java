package io.tradeloom.charts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.tradeloom.market.bar.BarSeries;

/**
 * Bar series drawn from each pattern's definition: the defining swing points as waypoints (with jittered
 * prices and leg lengths), straight legs between them, Gaussian noise on every close and random wicks, and a
 * breakout leg on 2.5x volume. Prices sit near 100 with a pattern height h of 4 to 6; fixed seeds make every
 * series reproducible.
 */
final class Generated {

    static final Instant START = Instant.parse("2026-01-05T14:30:00Z");

    /** One generated example: its series, what it is, and the bars its defining pivots span. */
    record Labelled(ChartPatternType type, BarSeries series, int spanStart, int spanEnd, long seed) {
    }

    private final SplittableRandom rnd;
    private final long seed;
    private final double h;
    private final List<int[]> legs = new ArrayList<>(); // {bars, volumeTenths}
    private final List<Double> prices = new ArrayList<>();
    private final List<Integer> at = new ArrayList<>();
    private int spanStart;
    private int spanEnd;
    private int marks;

    private Generated(long seed) {
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
        this.h = 4 + 2 * rnd.nextDouble();
    }

    /** An example of {@code type} for {@code seed}. */
    static Labelled of(ChartPatternType type, long seed) {
        Generated g = new Generated(seed);
        return switch (type) {
            case DOUBLE_TOP -> g.doubleTop().build(type, false);
            case DOUBLE_BOTTOM -> g.doubleTop().build(type, true);
            case TRIPLE_TOP -> g.tripleTop().build(type, false);
            case TRIPLE_BOTTOM -> g.tripleTop().build(type, true);
            case HEAD_AND_SHOULDERS -> g.headAndShoulders(0.5).build(type, false);
            case INVERSE_HEAD_AND_SHOULDERS -> g.headAndShoulders(0.5).build(type, true);
            case ASCENDING_TRIANGLE -> g.ascendingTriangle().build(type, false);
            case DESCENDING_TRIANGLE -> g.ascendingTriangle().build(type, true);
            case SYMMETRICAL_TRIANGLE -> g.symmetricalTriangle(1).build(type, false);
            case RISING_WEDGE -> g.risingWedge().build(type, false);
            case FALLING_WEDGE -> g.risingWedge().build(type, true);
            case ASCENDING_CHANNEL -> g.channel(1.2).build(type, false);
            case DESCENDING_CHANNEL -> g.channel(1.2).build(type, true);
            case HORIZONTAL_CHANNEL -> g.channel(0).build(type, false);
            case BULL_FLAG -> g.flag(false).build(type, false);
            case BEAR_FLAG -> g.flag(false).build(type, true);
            case BULL_PENNANT -> g.flag(true).build(type, false);
            case BEAR_PENNANT -> g.flag(true).build(type, true);
            default -> throw new IllegalArgumentException("no generator for " + type);
        };
    }

    /** The types {@link #of} can generate. */
    static List<ChartPatternType> generatable() {
        return List.of(ChartPatternType.DOUBLE_TOP, ChartPatternType.DOUBLE_BOTTOM, ChartPatternType.TRIPLE_TOP,
                ChartPatternType.TRIPLE_BOTTOM, ChartPatternType.HEAD_AND_SHOULDERS,
                ChartPatternType.INVERSE_HEAD_AND_SHOULDERS, ChartPatternType.ASCENDING_TRIANGLE,
                ChartPatternType.DESCENDING_TRIANGLE, ChartPatternType.SYMMETRICAL_TRIANGLE, ChartPatternType.RISING_WEDGE,
                ChartPatternType.FALLING_WEDGE, ChartPatternType.ASCENDING_CHANNEL, ChartPatternType.DESCENDING_CHANNEL,
                ChartPatternType.HORIZONTAL_CHANNEL, ChartPatternType.BULL_FLAG, ChartPatternType.BEAR_FLAG,
                ChartPatternType.BULL_PENNANT, ChartPatternType.BEAR_PENNANT);
    }

    /** Straight legs of 8 to 16 bars through {@code prices}, with the same noise (0.12 to 0.18 per close), no breakout leg. */
    static BarSeries through(long seed, double... prices) {
        Generated g = new Generated(seed);
        g.start(prices[0]);
        for (int i = 1; i < prices.length; i++) {
            g.to(prices[i], 1);
        }
        return g.build(ChartPatternType.SUPPORT, false).series();
    }

    // ---- near misses: shapes close to a pattern that its rules must refuse ----

    /** Head and shoulders whose "head" is lower than its shoulders. */
    static Labelled lowHead(long seed) {
        return new Generated(seed).headAndShoulders(-0.3).build(ChartPatternType.HEAD_AND_SHOULDERS, false);
    }

    /** A "triangle" whose lines diverge: a broadening formation. */
    static Labelled broadening(long seed) {
        return new Generated(seed).symmetricalTriangle(-1).build(ChartPatternType.SYMMETRICAL_TRIANGLE, false);
    }

    /** A "double top" whose second peak clears the first by 40% of the height. */
    static Labelled unequalPeaks(long seed) {
        Generated g = new Generated(seed);
        g.start(100 - 1.6 * g.h).to(100, 1).mark().to(100 - g.h, 1).to(100 + 0.4 * g.h, 1).mark()
                .breakout(100 - 1.8 * g.h);
        return g.build(ChartPatternType.DOUBLE_TOP, false);
    }

    /** A "bull flag" whose consolidation gives back 80% of the pole. */
    static Labelled deepFlag(long seed) {
        Generated g = new Generated(seed);
        double top = 100 + 3 * g.h;
        g.start(100).to(100.2, 0.6).mark().to(top, 0.8).to(top - 1.2 * g.h, 0.8).to(top - 2.4 * g.h, 0.8)
                .to(top - 1.8 * g.h, 0.6).mark().breakout(top + g.h);
        return g.build(ChartPatternType.BULL_FLAG, false);
    }

    // ---- the definitions ----

    private Generated doubleTop() {
        return start(100 - 1.6 * h).to(100, 1).mark().to(100 - h, 1).to(100 + j(0.05), 1).mark().breakout(100 - 1.8 * h);
    }

    private Generated tripleTop() {
        return start(100 - 1.6 * h).to(100, 1).mark().to(100 - h, 1).to(100 + j(0.05), 1).to(100 - h + j(0.05), 1)
                .to(100 + j(0.05), 1).mark().breakout(100 - 1.8 * h);
    }

    /** @param head how far the head clears the shoulders, in heights (negative: a near miss) */
    private Generated headAndShoulders(double head) {
        return start(100 - 1.6 * h).to(100, 1).mark().to(100 - h, 1).to(100 + head * h, 1.2).to(100 - h + j(0.05), 1.2)
                .to(100 + j(0.05), 1).mark().breakout(100 - 1.9 * h);
    }

    private Generated ascendingTriangle() {
        return start(100 - 0.5 * h).to(100 - h, 0.8).mark().to(100, 1.2).to(100 - 0.65 * h, 1).to(100 + j(0.03), 0.9)
                .to(100 - 0.35 * h, 0.8).to(100 + j(0.03), 0.7).to(100 - 0.2 * h, 0.5).mark().breakout(100 + 1.1 * h);
    }

    /** @param sign +1 converging, -1 diverging (a broadening near miss) */
    private Generated symmetricalTriangle(int sign) {
        double[] w = sign > 0 ? new double[] {1, 0.8, 0.55, 0.4, 0.25} : new double[] {0.25, 0.45, 0.65, 0.85, 1.05};
        boolean up = rnd.nextBoolean();
        start(100 - 0.2 * h).to(100 + w[0] * h, 1).mark().to(100 - w[1] * h, 1).to(100 + w[2] * h, 0.9)
                .to(100 - w[3] * h, 0.8).to(100 + w[4] * h, 0.7);
        // An upward breakout starts from a last swing low (so the last high is confirmed), a downward one from the high.
        if (up) {
            to(100 - 0.6 * w[4] * h, 0.6);
        }
        return mark().breakout(up ? 100 + 1.3 * h : 100 - 1.3 * h);
    }

    private Generated risingWedge() {
        // lower line 0.3h per leg, upper 0.18h per leg from h above: the width shrinks from h to 0.4h
        return start(100 + 0.4 * h).to(100, 0.8).mark().to(100 + 1.18 * h, 1).to(100 + 0.6 * h, 1).to(100 + 1.54 * h, 1)
                .to(100 + 1.2 * h, 1).to(100 + 1.9 * h, 1).mark().breakout(100 + 0.4 * h);
    }

    /** @param rise how far each low and high climbs from one to the next, in heights */
    private Generated channel(double rise) {
        double r = rise / 2;
        boolean up = rnd.nextBoolean();
        start(100 + 0.5 * h).to(100, 0.8).mark().to(100 + h + r * h + j(0.04), 1)
                .to(100 + 2 * r * h + j(0.04), 1).to(100 + h + 3 * r * h + j(0.04), 1).to(100 + 4 * r * h + j(0.04), 1)
                .to(100 + h + 5 * r * h + j(0.04), 1);
        if (up) {
            to(100 + 6 * r * h + j(0.04), 1);
        }
        mark();
        double top = 100 + h + (up ? 7 : 5) * r * h;
        return breakout(up ? top + 1.2 * h : top - 2.2 * h);
    }

    /** A pole of 3h, then a consolidation (parallel and drifting down, or converging), then the breakout. */
    private Generated flag(boolean pennant) {
        double top = 100 + 3 * h;
        start(100).to(100.2, 0.6).mark().to(top, 0.8);
        if (pennant) {
            // lower highs and higher lows, converging
            to(top - 0.5 * h, 0.35).to(top - 0.1 * h, 0.3).to(top - 0.42 * h, 0.25).to(top - 0.25 * h, 0.25)
                    .to(top - 0.38 * h, 0.2);
        } else {
            // lower highs and lower lows, parallel, drifting against the pole
            to(top - 0.35 * h, 0.3).to(top - 0.2 * h, 0.3).to(top - 0.55 * h, 0.3).to(top - 0.4 * h, 0.3)
                    .to(top - 0.75 * h, 0.3);
        }
        return mark().breakout(top + 1.5 * h);
    }

    // ---- the drawing ----

    private double j(double heights) {
        return (2 * rnd.nextDouble() - 1) * heights * h;
    }

    private Generated start(double price) {
        prices.add(price);
        at.add(0);
        return this;
    }

    /** A leg to {@code price} lasting about scale x 12 bars (8 to 16 at scale 1). */
    private Generated to(double price, double scale) {
        int bars = Math.max(2, (int) Math.round(scale * (8 + rnd.nextInt(9))));
        at.add(at.getLast() + bars);
        prices.add(price);
        legs.add(new int[] {bars, 10});
        return this;
    }

    /** Marks the last waypoint as the start (first call) or end (second call) of the labelled span. */
    private Generated mark() {
        if (marks++ == 0) {
            spanStart = at.getLast();
        } else {
            spanEnd = at.getLast();
        }
        return this;
    }

    private Generated breakout(double price) {
        to(price, 1.2);
        legs.getLast()[1] = 25;
        to(price + (price - prices.get(prices.size() - 2)) * 0.1, 0.8);
        return this;
    }

    private Labelled build(ChartPatternType type, boolean mirrored) {
        int n = at.getLast() + 1;
        Instant[] time = new Instant[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double noise = 0.03 * h;
        double prev = prices.getFirst();
        int leg = 0;
        for (int i = 0; i < n; i++) {
            while (leg + 1 < at.size() - 1 && i > at.get(leg + 1)) {
                leg++;
            }
            int a = at.get(leg);
            int b = at.get(leg + 1);
            double path = prices.get(leg) + (prices.get(leg + 1) - prices.get(leg)) * (i - a) / (double) (b - a);
            // Waypoints are drawn exactly, so each swing's extreme is where the definition puts it.
            boolean waypoint = i == a || i == b;
            double c = waypoint ? path : path + rnd.nextGaussian() * noise;
            double o = i == 0 ? c : prev;
            double wick = 0.02 * h;
            double hi = Math.max(o, c) + Math.abs(rnd.nextGaussian()) * wick;
            double lo = Math.min(o, c) - Math.abs(rnd.nextGaussian()) * wick;
            if (mirrored) {
                double mo = 200 - o;
                double mc = 200 - c;
                o = mo;
                c = mc;
                double mh = 200 - lo;
                lo = 200 - hi;
                hi = mh;
            }
            time[i] = START.plus(Duration.ofMinutes(i));
            open[i] = o;
            high[i] = hi;
            low[i] = lo;
            close[i] = c;
            int legIndex = Math.min(legs.size() - 1, Math.max(0, i == 0 ? 0 : leg));
            volume[i] = Math.round(1000 * (0.8 + 0.4 * rnd.nextDouble()) * legs.get(legIndex)[1] / 10.0);
            prev = mirrored ? 200 - c : c;
        }
        return new Labelled(type, new BarSeries(time, open, high, low, close, volume), spanStart, spanEnd, seed);
    }
}
