package io.tradeloom.charts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of {@link ChartEngine} on a generated labelled set: {@code perType} examples of every
 * generatable type with seeds 1..perType. A detection matches an example when it has the example's type and
 * its pivots (for a flag or pennant: its bars up to the breakout) cover at least 60% of the example's labelled span while starting and ending within the span
 * widened by a quarter of its length. Recall of a type = examples with a matching detection / examples;
 * precision = matching detections / all detections of the type across the whole set.
 */
final class PrecisionRecall {

    record Score(int examples, int found, int detections, int matching) {
        double recall() {
            return examples == 0 ? 1 : found / (double) examples;
        }

        double precision() {
            return detections == 0 ? 1 : matching / (double) detections;
        }
    }

    private PrecisionRecall() {
    }

    static boolean matches(ChartPattern p, Generated.Labelled label) {
        if (p.type() != label.type()) {
            return false;
        }
        int start = p.pivots().getFirst().index();
        // A flag's pivots end at its deepest pullback; its consolidation runs on to the bar before the breakout.
        int end = isFlag(p.type()) && p.confirmed() ? p.endIndex() - 1 : p.pivots().getLast().index();
        int span = label.spanEnd() - label.spanStart();
        int slack = Math.max(3, span / 4);
        int overlap = Math.min(end, label.spanEnd()) - Math.max(start, label.spanStart());
        return start >= label.spanStart() - slack && end <= label.spanEnd() + slack && overlap >= 0.6 * span;
    }

    static boolean isFlag(ChartPatternType t) {
        return t == ChartPatternType.BULL_FLAG || t == ChartPatternType.BEAR_FLAG || t == ChartPatternType.BULL_PENNANT
                || t == ChartPatternType.BEAR_PENNANT;
    }

    static Map<ChartPatternType, Score> measure(ChartEngine engine, int perType) {
        Map<ChartPatternType, int[]> counts = new EnumMap<>(ChartPatternType.class);
        for (ChartPatternType t : Generated.generatable()) {
            counts.put(t, new int[4]);
        }
        for (ChartPatternType type : Generated.generatable()) {
            for (long seed = 1; seed <= perType; seed++) {
                Generated.Labelled label = Generated.of(type, seed);
                List<ChartPattern> found = engine.analyse(label.series()).patterns();
                counts.get(type)[0]++;
                if (found.stream().anyMatch(p -> matches(p, label))) {
                    counts.get(type)[1]++;
                }
                for (ChartPattern p : found) {
                    int[] c = counts.get(p.type());
                    if (c != null) {
                        c[2]++;
                        if (matches(p, label)) {
                            c[3]++;
                        }
                    }
                }
            }
        }
        Map<ChartPatternType, Score> scores = new EnumMap<>(ChartPatternType.class);
        counts.forEach((t, c) -> scores.put(t, new Score(c[0], c[1], c[2], c[3])));
        return scores;
    }

    /** The table docs/chart-patterns.md carries. */
    static String table(Map<ChartPatternType, Score> scores) {
        StringBuilder sb = new StringBuilder("| pattern | examples | recalled | detections | correct | recall | precision |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        int e = 0;
        int f = 0;
        int d = 0;
        int m = 0;
        for (var entry : scores.entrySet()) {
            Score s = entry.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.2f |%n", entry.getKey().id(),
                    s.examples(), s.found(), s.detections(), s.matching(), s.recall(), s.precision()));
            e += s.examples();
            f += s.found();
            d += s.detections();
            m += s.matching();
        }
        Score all = new Score(e, f, d, m);
        sb.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | %d | %.2f | %.2f |%n", e, f, d, m,
                all.recall(), all.precision()));
        return sb.toString();
    }

    static List<String> failures(ChartEngine engine, ChartPatternType type, int perType) {
        List<String> out = new ArrayList<>();
        for (long seed = 1; seed <= perType; seed++) {
            Generated.Labelled label = Generated.of(type, seed);
            List<ChartPattern> found = engine.analyse(label.series()).patterns();
            if (found.stream().noneMatch(p -> matches(p, label))) {
                out.add("seed " + seed + " span " + label.spanStart() + ".." + label.spanEnd() + " found "
                        + found.stream().filter(p -> !p.type().isContext())
                        .map(p -> p.type().id() + "[" + p.pivots().getFirst().index() + ".." + p.pivots().getLast().index() + "]").toList());
            }
        }
        return out;
    }
}
