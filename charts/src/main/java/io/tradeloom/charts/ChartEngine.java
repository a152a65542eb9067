package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tradeloom.indicators.IndicatorEngine;
import io.tradeloom.market.bar.BarSeries;

/**
 * Finds chart patterns in a bar series: swings, support and resistance, trendlines, channels, double and triple
 * tops and bottoms, head and shoulders, triangles, wedges, flags and pennants, each with its breakout.
 * Pure computation, no I/O; thread-safe. docs/chart-patterns.md states every rule.
 */
public final class ChartEngine {

    private final ChartSettings settings;
    private final IndicatorEngine indicators = new IndicatorEngine();

    public ChartEngine(ChartSettings settings) {
        this.settings = settings;
    }

    public ChartEngine() {
        this(ChartSettings.defaults());
    }

    public ChartSettings settings() {
        return settings;
    }

    /** Every type. */
    public ChartAnalysis analyse(BarSeries bars) {
        return analyse(bars, EnumSet.allOf(ChartPatternType.class));
    }

    /**
     * The patterns of {@code types}. Every type is searched whatever is asked, because a larger pattern hides the
     * smaller ones made of its pivots: asking for a subset gives exactly that subset of the full answer.
     */
    public ChartAnalysis analyse(BarSeries bars, Set<ChartPatternType> types) {
        Chart chart = new Chart(bars, settings, indicators);
        List<ChartPattern> all = new ArrayList<>();
        all.addAll(new Levels(chart).find());
        all.addAll(new Trendlines(chart).find());
        List<ChartPattern> formations = new ArrayList<>(new Reversals(chart).find());
        formations.addAll(new Geometry(chart).find());
        List<ChartPattern> kept = largestOnly(formations);
        all.addAll(kept);
        all.addAll(outsideFormations(new Flags(chart).find(), kept));
        List<ChartPattern> asked = all.stream().filter(p -> types.contains(p.type()))
                .sorted(Comparator.comparingInt(ChartPattern::endIndex).thenComparingInt(ChartPattern::startIndex)
                        .thenComparing(p -> p.type().ordinal()))
                .toList();
        return new ChartAnalysis(chart.pivots, asked, bias(asked, bars.size(), settings.recentBars()));
    }

    /**
     * Of formations sharing two or more pivots, only the one with the most pivots stays (then the more specific
     * type: head and shoulders, triple, triangle or wedge, channel, double; then the more confident): a triple
     * top is not also two double tops, nor a triangle three smaller ones.
     */
    static List<ChartPattern> largestOnly(List<ChartPattern> formations) {
        List<ChartPattern> ranked = new ArrayList<>(formations);
        ranked.sort(Comparator.comparingInt((ChartPattern p) -> p.pivots().size()).reversed()
                .thenComparingInt(p -> specificity(p.type()))
                .thenComparing(Comparator.comparingDouble(ChartPattern::confidence).reversed()));
        List<ChartPattern> kept = new ArrayList<>();
        for (ChartPattern p : ranked) {
            if (kept.stream().noneMatch(k -> Trendlines.shared(k.pivots(), p.pivots()) >= 2)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * Flags whose pole top lies within a formation's span (first to last pivot) are dropped: a leg of a channel,
     * triangle or wedge pulling back and resuming is that formation's swing, not a flag of its own.
     */
    static List<ChartPattern> outsideFormations(List<ChartPattern> flags, List<ChartPattern> formations) {
        return flags.stream().filter(f -> {
            int top = f.pivots().get(1).index();
            return formations.stream().noneMatch(p -> top >= p.pivots().getFirst().index() && top <= p.pivots().getLast().index());
        }).toList();
    }

    private static int specificity(ChartPatternType type) {
        return switch (type) {
            case HEAD_AND_SHOULDERS, INVERSE_HEAD_AND_SHOULDERS -> 0;
            case TRIPLE_TOP, TRIPLE_BOTTOM -> 1;
            case ASCENDING_TRIANGLE, DESCENDING_TRIANGLE, SYMMETRICAL_TRIANGLE, RISING_WEDGE, FALLING_WEDGE -> 2;
            case ASCENDING_CHANNEL, DESCENDING_CHANNEL, HORIZONTAL_CHANNEL -> 3;
            default -> 4;
        };
    }

    /**
     * The patterns' summary in [-1, 1]: sum(confidence x sign) / max(1, sum(confidence)) over the patterns that
     * are not context (levels and trendlines) and ended within the last {@code recentBars} bars, sign being +1
     * bullish, -1 bearish, 0 neutral. One pattern of confidence 0.6 gives +-0.6; agreeing patterns push towards
     * +-1; disagreeing ones cancel. No recent pattern gives 0.
     */
    public static double bias(List<ChartPattern> patterns, int bars, int recentBars) {
        double weighted = 0;
        double total = 0;
        for (ChartPattern p : patterns) {
            if (!p.type().isContext() && p.endIndex() >= bars - recentBars) {
                weighted += p.confidence() * p.direction().sign();
                total += p.confidence();
            }
        }
        return weighted / Math.max(1, total);
    }
}
